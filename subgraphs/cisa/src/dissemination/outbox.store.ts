import type { Db } from '@iag/kit';
import { and, asc, desc, inArray, isNotNull, isNull, lte, sql } from '@iag/kit/orm';
import { disseminationOutbox, type CisaSchema } from '../db/schema';

export type OutboxRow = typeof disseminationOutbox.$inferSelect;

const o = disseminationOutbox;
const due = and(isNull(o.dispatchedAt), lte(o.nextAttemptAt, sql`now()`));
/** How long a claimed batch is kept from other replicas: well above the 5 s Partners timeout. */
export const DEFAULT_CLAIM_LEASE_SECONDS = 60;
/** The longest wait between two attempts, before jitter. */
export const MAX_BACKOFF_SECONDS = 300;

/**
 * Claims up to `limit` due rows, oldest first. `for update skip locked` lets replicas claim at the
 * same moment without waiting on, or taking, each other's rows; pushing `next_attempt_at` a lease
 * ahead in the same statement (its own short transaction) keeps them claimed after it commits,
 * while the batch is sent, without holding a transaction open across the HTTP call.
 */
export async function claimDueRows(
  db: Db<CisaSchema>,
  limit: number,
  leaseSeconds = DEFAULT_CLAIM_LEASE_SECONDS,
): Promise<OutboxRow[]> {
  const ids = db
    .select({ id: o.id })
    .from(o)
    .where(due)
    .orderBy(asc(o.createdAt), asc(o.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(o)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(and(inArray(o.id, ids), isNull(o.dispatchedAt)))
    .returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

export async function markDispatched(db: Db<CisaSchema>, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await db.update(o).set({ dispatchedAt: sql`now()` }).where(and(inArray(o.id, ids), isNull(o.dispatchedAt)));
}

/** Backs off: the n-th failure waits min(2^n, 300) s plus up to 20 % jitter, so replicas spread out. */
export async function markFailed(db: Db<CisaSchema>, ids: number[], error: string): Promise<void> {
  if (!ids.length) return;
  await db
    .update(o)
    .set({
      attempts: sql`${o.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => least(power(2, ${o.attempts} + 1), ${MAX_BACKOFF_SECONDS}) * (1 + random() * 0.2))`,
      lastError: error.slice(0, 300),
    })
    .where(and(inArray(o.id, ids), isNull(o.dispatchedAt)));
}

export interface OutboxStatus {
  pending: number;
  failing: number;
  oldestPendingAt: Date | null;
  lagSeconds: number;
  dispatched: number;
  lastError: string | null;
}

/** The backlog in one scan of the outbox, and the error of the most recently retried pending row. */
export async function outboxStatus(db: Db<CisaSchema>): Promise<OutboxStatus> {
  const pending = sql`${o.dispatchedAt} is null`;
  const [counts] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${pending})`.mapWith(Number),
      failing: sql<number>`count(*) filter (where ${pending} and ${o.attempts} > 0)`.mapWith(Number),
      dispatched: sql<number>`count(*) filter (where ${o.dispatchedAt} is not null)`.mapWith(Number),
      oldestPendingAt: sql<Date | null>`min(${o.createdAt}) filter (where ${pending})`.mapWith(o.createdAt),
      lagSeconds: sql<number>`coalesce(extract(epoch from now() - min(${o.createdAt}) filter (where ${pending})), 0)`.mapWith(Number),
    })
    .from(o);
  const [failed] = await db
    .select({ lastError: o.lastError })
    .from(o)
    .where(and(isNull(o.dispatchedAt), isNotNull(o.lastError)))
    .orderBy(desc(o.nextAttemptAt))
    .limit(1);
  return { ...counts, oldestPendingAt: counts.oldestPendingAt ?? null, lagSeconds: Math.max(0, counts.lagSeconds), lastError: failed?.lastError ?? null };
}

/** The oldest pending rows first: what an operator looks at when the lag grows. */
export function oldestPendingRows(db: Db<CisaSchema>, limit: number): Promise<OutboxRow[]> {
  return db.select().from(o).where(isNull(o.dispatchedAt)).orderBy(asc(o.createdAt), asc(o.id)).limit(limit);
}
