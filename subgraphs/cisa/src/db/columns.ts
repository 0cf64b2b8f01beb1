import { integer, timestamp } from '@iag/kit/pg-core';

/** Optimistic concurrency and timestamps, on every table an analyst writes. */
export const audit = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
