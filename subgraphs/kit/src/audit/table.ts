import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export { idempotencyKeys } from '../mutation/idempotency.table';

/**
 * The append-only audit table every subgraph includes in its drizzle schema. A database trigger
 * (see `APPEND_ONLY_SQL`) refuses UPDATE, DELETE and TRUNCATE, so not even the application can
 * rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    principalSub: text('principal_sub'),
    principalKind: text('principal_kind').notNull(),
    principalAgency: text('principal_agency'),
    principalOrganization: text('principal_organization'),
    /** `read` for reads of AMBER/RED data, or the mutation's name. */
    operation: text('operation').notNull(),
    objectType: text('object_type').notNull(),
    objectIds: text('object_ids').array().notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc().nullsFirst()),
    index('audit_log_principal_idx').on(t.principalSub, t.at.desc().nullsFirst()),
  ],
);

/** The body of each subgraph's custom migration that makes `audit_log` append-only. */
export const APPEND_ONLY_SQL = `
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
`;
