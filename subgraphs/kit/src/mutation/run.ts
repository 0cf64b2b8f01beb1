import { createHash } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { SubgraphContext } from '../context';
import type { Db } from '../db/database';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../errors';
import { idempotencyKeys } from './idempotency.table';

/** The transaction a mutation body runs in. */
export type Tx = Parameters<Parameters<Db<Record<string, unknown>>['transaction']>[0]>[0];

/**
 * How long an idempotency key is honoured. A client retries within seconds or minutes; a day
 * covers an outage and its recovery. Past it the key may name a new request, and the row is
 * purged (purgeExpiredIdempotencyKeys), so the table holds about a day of keyed writes.
 */
export const IDEMPOTENCY_KEY_HOURS = 24;
const expired = sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`;

/** Deletes the keys past IDEMPOTENCY_KEY_HOURS; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Db<Record<string, unknown>>): Promise<number> {
  const gone = await db.delete(idempotencyKeys).where(expired).returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** What a mutation body returns: the ids it touched (for the audit record) and any JSON result. */
export interface MutationResult {
  ids: string[];
  [key: string]: unknown;
}

export interface MutationOptions {
  /** The mutation's name, recorded as the audit operation and scoping the idempotency key. */
  name: string;
  objectType: string;
  idempotencyKey?: string | null;
  input: unknown;
}

/** Key-sorted JSON, so that the same input hashes the same whatever its field order. */
function stableJson(value: unknown): string {
  // DateTime inputs arrive as Date objects, which have no enumerable keys: hash their instant.
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // Code-point order, not localeCompare: every replica must hash the same input the same way.
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** PostgreSQL's own refusals, turned into coded errors; everything else stays internal (masked). */
export function translateDatabaseError(error: unknown): unknown {
  const cause = (error as { cause?: { code?: string } })?.cause ?? (error as { code?: string });
  // A serialization failure or a deadlock rolled the whole transaction back: nothing was written,
  // and the same request sent again may well succeed. The client is told so, not shown a 500.
  if (cause?.code === '40001' || cause?.code === '40P01') {
    return new ConflictError('The change collided with a concurrent one and was not made; send it again', { retryable: true });
  }
  if (cause?.code === '23505') return new ConflictError('Something with the same unique value already exists');
  if (cause?.code === '23503') return new BadUserInputError('The input refers to something that does not exist');
  if (cause?.code === '23514') return new BadUserInputError('The input breaks a rule of the data (a value out of range)');
  return error;
}

/**
 * Runs a mutation the one way every mutation runs: one transaction holding the change, its audit
 * record and its idempotency record. The same key with the same input replays the first result;
 * with different input it is a CONFLICT. A failed body rolls everything back, key included.
 */
export async function runMutation<S extends Record<string, unknown>, R extends MutationResult>(
  ctx: SubgraphContext<S>,
  options: MutationOptions,
  body: (tx: Tx) => Promise<R>,
): Promise<R> {
  const { principal } = ctx;
  if (!principal.sub) throw new UnauthenticatedError('Sign in to change anything');
  const key = options.idempotencyKey ?? undefined;
  if (key !== undefined && (key.length < 1 || key.length > 200)) {
    throw new BadUserInputError('idempotencyKey must have 1 to 200 characters', 'idempotencyKey');
  }
  const inputHash = createHash('sha256').update(stableJson(options.input)).digest('hex');
  const keyMatch = key
    ? and(eq(idempotencyKeys.principalSub, principal.sub), eq(idempotencyKeys.operation, options.name), eq(idempotencyKeys.key, key))
    : undefined;

  try {
    return await (ctx.db as unknown as Db<Record<string, unknown>>).transaction(async (tx) => {
      if (key) {
        // Concurrent requests with one key queue on this insert's unique index: the first writes,
        // the others wait for it to commit, then find its row and replay its result.
        const claimed = await tx
          .insert(idempotencyKeys)
          .values({ principalSub: principal.sub!, operation: options.name, key, inputHash })
          .onConflictDoNothing()
          .returning({ key: idempotencyKeys.key });
        if (!claimed.length) {
          const [first] = await tx
            .select({ inputHash: idempotencyKeys.inputHash, result: idempotencyKeys.result, expired: sql<boolean>`${expired}` })
            .from(idempotencyKeys)
            .where(keyMatch);
          // An expired key names a new request: take it over, unless a concurrent request with the
          // same key just did (its row is fresh then, the guarded UPDATE matches nothing: replay it).
          const renewed = first.expired
            ? await tx
                .update(idempotencyKeys)
                .set({ inputHash, result: null, createdAt: sql`now()` })
                .where(and(keyMatch, expired))
                .returning({ key: idempotencyKeys.key })
            : [];
          if (!renewed.length) {
            const [current] = first.expired ? await tx.select().from(idempotencyKeys).where(keyMatch) : [first];
            if (current.inputHash !== inputHash) {
              throw new ConflictError('This idempotency key was already used with different input');
            }
            return current.result as R;
          }
        }
      }
      const result = await body(tx);
      await ctx.audit.write(tx, options.name, options.objectType, result.ids);
      if (key) await tx.update(idempotencyKeys).set({ result }).where(keyMatch);
      return result;
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/**
 * Optimistic concurrency: updates the row only if its version is still `expectedVersion`, and
 * bumps it. A stale version is a CONFLICT (nothing is overwritten); a missing row NOT_FOUND.
 */
export async function updateVersioned<T extends PgTable>(
  tx: Tx,
  table: T,
  columns: { id: AnyPgColumn; version: AnyPgColumn },
  id: string,
  expectedVersion: number,
  set: Record<string, unknown> | SQL,
  typeName: string,
): Promise<T['$inferSelect']> {
  const updated = await tx
    .update(table as PgTable)
    .set({ ...(set as Record<string, unknown>), version: sql`${columns.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(columns.id, id), eq(columns.version, expectedVersion)))
    .returning();
  if (updated.length) return updated[0] as T['$inferSelect'];
  const [current] = await tx.select({ version: columns.version }).from(table as PgTable).where(eq(columns.id, id));
  if (!current) throw new NotFoundError(typeName, id);
  throw new ConflictError(`${typeName} ${id} is at version ${current.version}, not ${expectedVersion}: reload and retry`);
}
