import { auditLog, idempotencyKeys } from '@iag/kit/audit-table';
import { sql } from '@iag/kit/orm';
import {
  bigserial,
  char,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  boolean,
  unique,
} from '@iag/kit/pg-core';

// Index columns are .desc().nullsFirst(): a bare .desc() emits DESC NULLS LAST, which PostgreSQL
// cannot use for the ORDER BY x DESC the lists run.

export const ncfArea = pgEnum('ncf_area', ['CONNECT', 'DISTRIBUTE', 'MANAGE', 'SUPPLY']);
export const assetKind = pgEnum('asset_kind', [
  'CABLE_LANDING',
  'PORT',
  'POWER_INTERCONNECT',
  'PIPELINE',
  'SEMICONDUCTOR_FAB',
  'DATA_CENTER',
  'GROUND_STATION',
  'INTERNET_EXCHANGE',
  'LNG_TERMINAL',
  'POWER_PLANT',
  'SUBSTATION',
]);
export const dependencyKind = pgEnum('dependency_kind', ['PHYSICAL', 'CYBER', 'GEOGRAPHIC', 'LOGICAL']);
export const coupling = pgEnum('coupling', ['TIGHT', 'LOOSE']);
export const substitutability = pgEnum('substitutability', ['NONE', 'LOW', 'MEDIUM', 'HIGH']);
export const priority = pgEnum('priority', ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
export const dependencyStatus = pgEnum('dependency_status', ['ACTIVE', 'RETIRED']);
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

const audit = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const nationalCriticalFunctions = pgTable('national_critical_functions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  area: ncfArea('area').notNull(),
});

export const assets = pgTable(
  'assets',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: assetKind('kind').notNull(),
    countryCode: char('country_code', { length: 2 }).notNull(),
    /** A State `Organization` id; State owns the organization, we only keep its key. */
    operatorId: text('operator_id'),
    description: text('description'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Vendor/product names of the technology in use, matched against KEV entries. */
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    ...audit,
  },
  (t) => [
    index('assets_country_idx').on(t.countryCode, t.name),
    index('assets_operator_idx').on(t.operatorId),
    index('assets_kind_idx').on(t.kind),
  ],
);

export const assetSectors = pgTable(
  'asset_sectors',
  {
    assetId: text('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    sectorCode: text('sector_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.sectorCode] }), index('asset_sectors_sector_idx').on(t.sectorCode)],
);

export const dependencies = pgTable(
  'dependencies',
  {
    id: text('id').primaryKey(),
    assetId: text('asset_id')
      .notNull()
      .references(() => assets.id),
    functionCode: text('function_code').references(() => nationalCriticalFunctions.code),
    /** A DHS `Sector` code. */
    sectorCode: text('sector_code').notNull(),
    /** The asset's country, copied here so that lists filter and sort by country on one index. */
    countryCode: char('country_code', { length: 2 }).notNull(),
    kind: dependencyKind('kind').notNull(),
    coupling: coupling('coupling').notNull(),
    criticality: smallint('criticality').notNull(),
    substitutability: substitutability('substitutability').notNull(),
    riskScore: real('risk_score').notNull(),
    priority: priority('priority').notNull(),
    /** Each factor's part of `risk_score` as of `risk_assessed_at` (risk/risk.factors.ts; docs/risk.md). */
    riskFactors: jsonb('risk_factors').notNull().default(sql`'[]'::jsonb`),
    riskAssessedAt: timestamp('risk_assessed_at', { withTimezone: true }).notNull().defaultNow(),
    status: dependencyStatus('status').notNull().default('ACTIVE'),
    rationale: text('rationale'),
    ...audit,
  },
  (t) => [
    check('dependencies_criticality_range', sql`${t.criticality} between 1 and 5`),
    check('dependencies_risk_range', sql`${t.riskScore} between 0 and 100`),
    index('dependencies_country_risk_idx').on(t.countryCode, t.riskScore.desc().nullsFirst(), t.id),
    index('dependencies_sector_risk_idx').on(t.sectorCode, t.riskScore.desc().nullsFirst(), t.id),
    index('dependencies_function_idx').on(t.functionCode, t.riskScore.desc().nullsFirst()),
    index('dependencies_asset_idx').on(t.assetId),
    index('dependencies_risk_idx').on(t.riskScore.desc().nullsFirst(), t.id),
    index('dependencies_criticality_idx').on(t.criticality.desc().nullsFirst(), t.riskScore.desc().nullsFirst()),
  ],
);

/**
 * One asset depending on another (a port on a power interconnect, a data centre on a cable
 * landing): if `depends_on_asset_id` fails, `asset_id` is hit, at once when the coupling is TIGHT.
 * The graph may have cycles; the impact query (impact/impact.query.ts) stops on them.
 */
export const assetLinks = pgTable(
  'asset_links',
  {
    id: text('id').primaryKey(),
    /** The dependent asset. */
    assetId: text('asset_id')
      .notNull()
      .references(() => assets.id),
    /** The asset it depends on (the supplier). */
    dependsOnAssetId: text('depends_on_asset_id')
      .notNull()
      .references(() => assets.id),
    kind: dependencyKind('kind').notNull(),
    coupling: coupling('coupling').notNull(),
    status: dependencyStatus('status').notNull().default('ACTIVE'),
    rationale: text('rationale'),
    ...audit,
  },
  (t) => [
    unique('asset_links_pair_key').on(t.assetId, t.dependsOnAssetId),
    check('asset_links_not_self', sql`${t.assetId} <> ${t.dependsOnAssetId}`),
    // The impact walk goes from a supplier to its dependents, tight couplings first.
    index('asset_links_supplier_idx').on(t.dependsOnAssetId, t.coupling, t.assetId),
    index('asset_links_dependent_idx').on(t.assetId, t.dependsOnAssetId),
  ],
);

/**
 * A dependency's risk score each time an assessment changed it (and when it was first scored), with
 * the factors behind it, so that an analyst can see what moved and why since a date. Append-only.
 */
export const dependencyRiskHistory = pgTable(
  'dependency_risk_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dependencyId: text('dependency_id')
      .notNull()
      .references(() => dependencies.id),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
    riskScore: real('risk_score').notNull(),
    priority: priority('priority').notNull(),
    riskFactors: jsonb('risk_factors').notNull(),
    /** What started the assessment: `created`, `updated`, `reassessed`. */
    cause: text('cause').notNull(),
  },
  (t) => [
    index('dependency_risk_history_dependency_idx').on(t.dependencyId, t.assessedAt.desc().nullsFirst()),
    index('dependency_risk_history_assessed_idx').on(t.assessedAt.desc().nullsFirst()),
  ],
);

/**
 * CISA's copy of operators' latest maturity level, as the Partners subgraph answered it through
 * its GraphQL API (risk/maturity.client.ts). Partners owns maturity; this is never written from
 * anywhere else, and `fetched_at` says how fresh it is.
 */
export const operatorMaturity = pgTable('operator_maturity', {
  organizationId: text('organization_id').primaryKey(),
  /** 1-5; null when Partners has no assessment of the organization. */
  level: smallint('level'),
  assessedOn: date('assessed_on', { mode: 'string' }),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
});

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
  },
  (t) => [
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

export { auditLog, idempotencyKeys };

export const schema = {
  auditLog,
  idempotencyKeys,
  nationalCriticalFunctions,
  assets,
  assetSectors,
  dependencies,
  assetLinks,
  dependencyRiskHistory,
  operatorMaturity,
  vulnerabilities,
  kevCatalogs,
  vulnerabilityAssets,
  threatProducts,
  threatProductRevisions,
  threatProductCountries,
  threatProductSectors,
  threatProductVulnerabilities,
  threatProductEngagements,
  disseminationOutbox,
};
export type CisaSchema = typeof schema;
