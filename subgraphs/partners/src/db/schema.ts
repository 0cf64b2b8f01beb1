import { auditLog, idempotencyKeys } from '@iag/kit/audit-table';
import { sql } from '@iag/kit/orm';
import { check, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, unique } from '@iag/kit/pg-core';

export const deliveryChannel = pgEnum('delivery_channel', ['EMAIL', 'PORTAL', 'TAXII', 'BRIEFING']);

// Same name and values as CISA's enum: a delivery carries the TLP of the product it delivered.
export const tlp = pgEnum('tlp', ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED']);

export const sightingKind = pgEnum('sighting_kind', ['INDICATOR_SEEN', 'ACTION_TAKEN', 'FALSE_POSITIVE', 'FEEDBACK']);

export const assessmentMethod = pgEnum('assessment_method', [
  'SELF_ASSESSMENT',
  'PEER_REVIEW',
  'CISA_ASSESSMENT',
  'THIRD_PARTY_AUDIT',
]);

/**
 * What reached which partner. `product_id` is a CISA ThreatProduct id and `recipient_id` a State
 * Organization id: other subgraphs' keys, so no foreign keys.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    recipientId: text('recipient_id').notNull(),
    channel: deliveryChannel('channel').notNull(),
    tlp: tlp('tlp').notNull(),
    /** For TLP:RED, the `sub` of the one person in the recipient organization it went to. */
    recipientIndividual: text('recipient_individual'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: text('acknowledged_by'),
    /** The product revision delivered: a revised product goes out again as a new delivery. */
    revision: integer('revision').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Descending index columns say NULLS FIRST, as `order by x desc` does: drizzle's bare `.desc()`
  // emits DESC NULLS LAST, which PostgreSQL cannot use for that order even on a NOT NULL column.
  (t) => [
    // Exactly one delivery per product revision and recipient: what makes `recordDeliveries` idempotent.
    unique('deliveries_product_recipient_revision_key').on(t.productId, t.recipientId, t.revision),
    index('deliveries_recipient_idx').on(t.recipientId, t.deliveredAt.desc().nullsFirst()),
    // `ThreatProduct.deliveries` lists a product's deliveries in delivery order.
    index('deliveries_product_idx').on(t.productId, t.deliveredAt),
    index('deliveries_delivered_at_idx').on(t.deliveredAt.desc().nullsFirst(), t.id),
  ],
);

/** A partner reports seeing an indicator of a product, acting on it, or what it thinks of it. */
export const sightings = pgTable(
  'sightings',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    organizationId: text('organization_id').notNull(),
    kind: sightingKind('kind').notNull(),
    indicatorValue: text('indicator_value'),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    count: integer('count').notNull().default(1),
    comment: text('comment'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sightings_product_idx').on(t.productId, t.reportedAt),
    index('sightings_organization_idx').on(t.organizationId, t.reportedAt.desc().nullsFirst()),
    index('sightings_reported_at_idx').on(t.reportedAt.desc().nullsFirst(), t.id),
    check('sightings_count_positive', sql`${t.count} >= 1`),
  ],
);

/** An organization's security maturity at a date; the latest by `assessed_on` is its current level. */
export const maturityAssessments = pgTable(
  'maturity_assessments',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    level: smallint('level').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    method: assessmentMethod('method').notNull(),
    framework: text('framework'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('maturity_assessments_organization_idx').on(t.organizationId, t.assessedOn.desc().nullsFirst()),
    index('maturity_assessments_assessed_on_idx').on(t.assessedOn.desc().nullsFirst(), t.id),
    check('maturity_assessments_level_range', sql`${t.level} between 1 and 5`),
  ],
);

export { auditLog, idempotencyKeys };

export const schema = {
  auditLog,
  idempotencyKeys, deliveries, sightings, maturityAssessments };
export type PartnersSchema = typeof schema;
