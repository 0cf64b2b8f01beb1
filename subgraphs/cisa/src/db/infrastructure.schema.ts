// CISA's infrastructure tables: national critical functions, foreign assets, the dependencies of US
// functions and sectors on them, links between assets, and the risk scores' history.
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
  unique,
} from '@iag/kit/pg-core';
import { audit } from './columns';

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
 * Full reassessments (every ACTIVE dependency), one row each. A dependency whose score did not move
 * is not written by one: it was assessed as of the latest run here (risk/risk-runs.ts), which spares
 * rewriting every row of the table, and leaving as many dead rows, on each hourly run.
 */
export const riskReassessments = pgTable('risk_reassessments', {
  assessedAt: timestamp('assessed_at', { withTimezone: true }).primaryKey(),
  assessed: integer('assessed').notNull(),
  changed: integer('changed').notNull(),
});

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
