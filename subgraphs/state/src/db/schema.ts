import { auditLog, idempotencyKeys } from '@iag/kit/audit-table';
import { sql } from '@iag/kit/orm';
import {
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from '@iag/kit/pg-core';

export const organizationKind = pgEnum('organization_kind', [
  'GOVERNMENT_BODY',
  'NATIONAL_CSIRT',
  'REGULATOR',
  'OPERATOR',
  'MULTILATERAL_BODY',
]);

export const agreementKind = pgEnum('agreement_kind', [
  'MEMORANDUM_OF_UNDERSTANDING',
  'INFORMATION_SHARING_ARRANGEMENT',
  'JOINT_STATEMENT',
  'LETTER_OF_INTENT',
  'TREATY',
]);

export const agreementStatus = pgEnum('agreement_status', ['NEGOTIATING', 'IN_FORCE', 'EXPIRED', 'TERMINATED']);

export const tlp = pgEnum('tlp', ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED']);

export const countries = pgTable(
  'countries',
  {
    code: char('code', { length: 2 }).primaryKey(),
    alpha3: char('alpha3', { length: 3 }).notNull(),
    numeric: char('numeric', { length: 3 }).notNull(),
    name: text('name').notNull(),
    officialName: text('official_name').notNull(),
    region: text('region').notNull(),
    subregion: text('subregion'),
  },
  (t) => [index('countries_region_idx').on(t.region), index('countries_name_idx').on(t.name)],
);

export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    kind: organizationKind('kind').notNull(),
    countryCode: char('country_code', { length: 2 }).references(() => countries.code),
    website: text('website'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_country_idx').on(t.countryCode, t.name),
    index('organizations_kind_idx').on(t.kind, t.name),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    kind: agreementKind('kind').notNull(),
    status: agreementStatus('status').notNull(),
    summary: text('summary'),
    usAgencies: text('us_agencies').array().notNull().default(sql`'{}'::text[]`),
    signedOn: date('signed_on', { mode: 'string' }),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    maxTlp: tlp('max_tlp').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreements_status_idx').on(t.status, t.effectiveFrom), index('agreements_kind_idx').on(t.kind)],
);

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organizationId] }),
    index('agreement_parties_organization_idx').on(t.organizationId),
  ],
);

/** Engagements (owned by DHS) carried out under an agreement; keyed by the engagement's id only. */
export const agreementEngagements = pgTable(
  'agreement_engagements',
  {
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    engagementId: text('engagement_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.engagementId] }),
    index('agreement_engagements_engagement_idx').on(t.engagementId),
  ],
);

export { auditLog, idempotencyKeys };

export const schema = {
  auditLog,
  idempotencyKeys, countries, organizations, agreements, agreementParties, agreementEngagements };
export type StateSchema = typeof schema;
