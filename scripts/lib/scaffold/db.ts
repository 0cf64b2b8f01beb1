import type { Names } from './names';

/** `src/db/schema.ts`: the subgraph's tables; drizzle-kit generates `migrations/` from it. */
export const dbSchemaTs = (n: Names) => `import { auditLog, idempotencyKeys } from '@iag/kit/audit-table';
import { char, index, integer, pgTable, text, timestamp } from '@iag/kit/pg-core';

/**
 * ${n.owner}'s sites abroad. \`country_code\` is an ISO 3166-1 alpha-2 code: the key of State's
 * Country, never a foreign key, since no subgraph reads another's database.
 */
export const sites = pgTable(
  'sites',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    countryCode: char('country_code', { length: 2 }).notNull(),
    /** One of the 16 critical infrastructure sector codes (DHS owns Sector). */
    sectorCode: text('sector_code'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sites_country_idx').on(t.countryCode, t.name)],
);

// The kit's tables, in every subgraph's database: the append-only audit log (its trigger is the
// custom migration beside the first one) and the idempotency keys of mutations.
export { auditLog, idempotencyKeys };

export const schema = { auditLog, idempotencyKeys, sites };
export type ${n.pascal}Schema = typeof schema;
`;
