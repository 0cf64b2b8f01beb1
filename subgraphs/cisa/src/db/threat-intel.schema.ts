// CISA's threat intelligence tables: the KEV catalog and its links to assets, threat products with
// their revisions and tags, and the dissemination outbox.
import { sql } from '@iag/kit/orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  boolean,
  unique,
} from '@iag/kit/pg-core';
import { audit } from './columns';
import { assets } from './infrastructure.schema';

// Index columns are .desc().nullsFirst(): a bare .desc() emits DESC NULLS LAST, which PostgreSQL
// cannot use for the ORDER BY x DESC the lists run.

export const productKind = pgEnum('product_kind', [
  'ADVISORY',
  'ALERT',
  'ICS_ADVISORY',
  'ANALYSIS_REPORT',
  'INDICATOR_BUNDLE',
  'RISK_REDUCTION_GUIDANCE',
]);
export const tlp = pgEnum('tlp', ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED']);
export const productStatus = pgEnum('product_status', ['DRAFT', 'PUBLISHED', 'WITHDRAWN']);

export const vulnerabilities = pgTable(
  'vulnerabilities',
  {
    cveId: text('cve_id').primaryKey(),
    vendorProject: text('vendor_project').notNull(),
    product: text('product').notNull(),
    name: text('name').notNull(),
    dateAdded: date('date_added', { mode: 'string' }).notNull(),
    shortDescription: text('short_description').notNull(),
    requiredAction: text('required_action').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    knownRansomwareCampaignUse: boolean('known_ransomware_campaign_use').notNull(),
    notes: text('notes').notNull().default(''),
    cwes: text('cwes').array().notNull().default(sql`'{}'::text[]`),
    /**
     * When an import last changed this entry; null if none has since it was first imported. A STIX
     * vulnerability object's `modified`: consumers keep one copy per id and `modified`.
     */
    changedAt: timestamp('changed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('vulnerabilities_date_added_idx').on(t.dateAdded.desc().nullsFirst(), t.cveId),
    index('vulnerabilities_vendor_idx').on(t.vendorProject, t.product),
  ],
);

/**
 * One row per version of the Known Exploited Vulnerabilities catalog ever imported, so that anyone
 * can tell which catalog the stored entries come from. Re-importing a version updates its row.
 */
export const kevCatalogs = pgTable(
  'kev_catalogs',
  {
    version: text('version').primaryKey(),
    dateReleased: timestamp('date_released', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    /** Where the last import of this version came from: a URL, a file's base name, "seed" or "mutation". */
    source: text('source').notNull(),
    firstImportedAt: timestamp('first_imported_at', { withTimezone: true }).notNull().defaultNow(),
    lastImportedAt: timestamp('last_imported_at', { withTimezone: true }).notNull().defaultNow(),
    /** What the last import of this version changed. */
    added: integer('added').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
  },
  (t) => [index('kev_catalogs_released_idx').on(t.dateReleased.desc().nullsFirst(), t.lastImportedAt.desc().nullsFirst())],
);

/**
 * Which assets run a technology a KEV entry names (the rule is in `kev/kev.links.ts`). Derived
 * data: rebuilt for the whole catalog by every import, and for one asset when its technologies change.
 * No foreign key to `vulnerabilities`, like the product links: an entry is never deleted anyway.
 */
export const vulnerabilityAssets = pgTable(
  'vulnerability_assets',
  {
    cveId: text('cve_id').notNull(),
    assetId: text('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.cveId, t.assetId] }), index('vulnerability_assets_asset_idx').on(t.assetId, t.cveId)],
);

export const threatProducts = pgTable(
  'threat_products',
  {
    id: text('id').primaryKey(),
    trackingId: text('tracking_id').notNull().unique(),
    kind: productKind('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    tlp: tlp('tlp').notNull(),
    status: productStatus('status').notNull(),
    authorAgency: text('author_agency').notNull().default('CISA'),
    /** `sub`s of the people who wrote it; they always see it. */
    authors: text('authors').array().notNull().default(sql`'{}'::text[]`),
    audienceAgencies: text('audience_agencies').array().notNull().default(sql`'{}'::text[]`),
    audienceOrganizations: text('audience_organizations').array().notNull().default(sql`'{}'::text[]`),
    audienceIndividuals: text('audience_individuals').array().notNull().default(sql`'{}'::text[]`),
    recommendedActions: text('recommended_actions').array().notNull().default(sql`'{}'::text[]`),
    /** `[{ type, value, description }]`, STIX-like indicator observables. */
    indicators: jsonb('indicators').$type<{ type: string; value: string; description?: string }[]>().notNull().default([]),
    revision: integer('revision').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    ...audit,
    // Milliseconds, as a TAXII `date_added` and a STIX collection cursor say it: the collection is
    // then read in the order of an index, (updated_at, id), instead of sorting every product.
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('threat_products_added_idx').on(t.updatedAt, t.id),
    index('threat_products_status_published_idx').on(t.status, t.publishedAt.desc().nullsFirst(), t.id),
    index('threat_products_tlp_idx').on(t.tlp, t.publishedAt.desc().nullsFirst()),
    index('threat_products_kind_idx').on(t.kind, t.publishedAt.desc().nullsFirst()),
    index('threat_products_audience_orgs_idx').using('gin', t.audienceOrganizations),
  ],
);

export const threatProductRevisions = pgTable(
  'threat_product_revisions',
  {
    productId: text('product_id')
      .notNull()
      .references(() => threatProducts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    changeNote: text('change_note').notNull(),
    /** The whole product as it stood at this revision. */
    snapshot: jsonb('snapshot').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.revision] })],
);

const productLink = (name: string, column: string) =>
  pgTable(
    name,
    {
      productId: text('product_id')
        .notNull()
        .references(() => threatProducts.id, { onDelete: 'cascade' }),
      key: text(column).notNull(),
    },
    (t) => [primaryKey({ columns: [t.productId, t.key] }), index(`${name}_key_idx`).on(t.key, t.productId)],
  );

/** Country codes (State's `Country`) a product concerns. */
export const threatProductCountries = productLink('threat_product_countries', 'country_code');
/** Sector codes (DHS's `Sector`) a product concerns. */
export const threatProductSectors = productLink('threat_product_sectors', 'sector_code');
/** KEV entries a product covers. */
export const threatProductVulnerabilities = productLink('threat_product_vulnerabilities', 'cve_id');
/** DHS `Engagement` ids in which the product was shared. */
export const threatProductEngagements = productLink('threat_product_engagements', 'engagement_id');
/**
 * The STIX ids of the objects each product owns (report, indicators, courses of action, their
 * `mitigates`): derived data, rewritten with the product, so the collection finds an object by id
 * without building every bundle (stix-collection/stix-object-index.ts).
 */
export const threatProductStixObjects = productLink('threat_product_stix_objects', 'stix_id');

/**
 * The transactional outbox of dissemination: one row per (product, revision, recipient
 * organization), written in the publish/revise transaction and sent to Partners by the dispatcher.
 */
export const disseminationOutbox = pgTable(
  'dissemination_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => threatProducts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    /** A State `Organization` id. */
    recipientId: text('recipient_id').notNull(),
    tlp: tlp('tlp').notNull(),
    channel: text('channel').notNull().default('PORTAL'),
    recipientIndividual: text('recipient_individual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    unique('dissemination_outbox_product_revision_recipient_key').on(t.productId, t.revision, t.recipientId),
    index('dissemination_outbox_due_idx').on(t.dispatchedAt, t.nextAttemptAt),
  ],
);
