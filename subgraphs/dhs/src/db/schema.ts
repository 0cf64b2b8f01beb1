import { auditLog, idempotencyKeys } from '@iag/kit/audit-table';
import { sql } from '@iag/kit/orm';
import {
  char,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from '@iag/kit/pg-core';

export const engagementKind = pgEnum('engagement_kind', [
  'DIALOGUE',
  'FORUM',
  'CAPACITY_BUILDING',
  'EXERCISE',
  'TECHNICAL_EXCHANGE',
  'INCIDENT_COORDINATION',
]);

export const engagementStatus = pgEnum('engagement_status', ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED']);

/** The 16 US critical infrastructure sectors: reference data, reloaded by every seed. */
export const sectors = pgTable('sectors', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  riskManagementAgencies: text('risk_management_agencies').array().notNull().default(sql`'{}'::text[]`),
  description: text('description').notNull(),
});

export const engagements = pgTable(
  'engagements',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    kind: engagementKind('kind').notNull(),
    leadAgency: text('lead_agency').notNull(),
    participatingAgencies: text('participating_agencies').array().notNull().default(sql`'{}'::text[]`),
    // Null for a multilateral engagement (e.g. with ENISA), which belongs to no one country.
    countryCode: char('country_code', { length: 2 }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    // Null while an engagement has no set end; date windows treat it as running on.
    endsOn: date('ends_on', { mode: 'string' }),
    status: engagementStatus('status').notNull(),
    strategicGoal: smallint('strategic_goal').notNull(),
    summary: text('summary'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Also what keeps the period index below valid: daterange() throws on a lower bound past the upper.
    check('engagements_period_chk', sql`${t.endsOn} >= ${t.startsOn}`),
    check('engagements_strategic_goal_chk', sql`${t.strategicGoal} between 1 and 3`),
    // The default order of every engagement list: starts_on desc, then id.
    index('engagements_order_idx').on(t.startsOn.desc(), t.id),
    index('engagements_country_idx').on(t.countryCode, t.startsOn),
    index('engagements_lead_agency_idx').on(t.leadAgency, t.startsOn),
    index('engagements_status_idx').on(t.status, t.startsOn),
    index('engagements_kind_idx').on(t.kind, t.startsOn),
    // `agency` matches lead or participating agencies; the array side needs GIN (`@>`).
    index('engagements_participating_agencies_idx').using('gin', t.participatingAgencies),
    // Date windows are range overlaps (`&&`); the query repeats this expression to use the index.
    index('engagements_period_idx').using('gist', sql`daterange(${t.startsOn}, ${t.endsOn}, '[]')`),
  ],
);

/** Foreign organizations (owned by State, so no foreign key) taking part in an engagement. */
export const engagementPartners = pgTable(
  'engagement_partners',
  {
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.engagementId, t.organizationId] }),
    index('engagement_partners_organization_idx').on(t.organizationId),
  ],
);

export const engagementSectors = pgTable(
  'engagement_sectors',
  {
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    sectorCode: text('sector_code')
      .notNull()
      .references(() => sectors.code),
  },
  (t) => [
    primaryKey({ columns: [t.engagementId, t.sectorCode] }),
    index('engagement_sectors_sector_idx').on(t.sectorCode),
  ],
);

export { auditLog, idempotencyKeys };

export const schema = { auditLog, idempotencyKeys, sectors, engagements, engagementPartners, engagementSectors };
export type DhsSchema = typeof schema;
