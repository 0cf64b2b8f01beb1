import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per (caller, mutation, idempotency key): the hash of the input and the first result.
 * Keys are scoped by caller and mutation, so one client can never replay another's result.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principalSub: text('principal_sub').notNull(),
    operation: text('operation').notNull(),
    key: text('key').notNull(),
    inputHash: text('input_hash').notNull(),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principalSub, t.operation, t.key] })],
);
