// Refreshes CISA's copy of operator maturity (operator_maturity) from Partners.
import type { Db } from '@iag/kit';
import { isNotNull, sql } from '@iag/kit/orm';
import { assets, operatorMaturity, type CisaSchema } from '../db/schema';
import type { MaturityFetcher } from './maturity.client';

const UPSERT_BATCH = 5_000;

/**
 * Asks Partners for the maturity of every distinct asset operator and upserts the answers, with
 * `fetched_at` = now. Fetches everything before writing anything, so a failing Partners leaves the
 * stored copy whole (the caller then assesses with it). Returns how many operators were refreshed.
 */
export async function refreshOperatorMaturity(db: Db<CisaSchema>, fetchMaturity: MaturityFetcher): Promise<number> {
  const operators = await db.selectDistinct({ id: assets.operatorId }).from(assets).where(isNotNull(assets.operatorId));
  const fetched = await fetchMaturity(operators.map((o) => o.id!));
  const now = new Date();
  for (let k = 0; k < fetched.length; k += UPSERT_BATCH) {
    await db
      .insert(operatorMaturity)
      .values(
        fetched
          .slice(k, k + UPSERT_BATCH)
          .map((m) => ({ organizationId: m.organizationId, level: m.level, assessedOn: m.assessedOn, fetchedAt: now })),
      )
      .onConflictDoUpdate({
        target: operatorMaturity.organizationId,
        set: { level: sql`excluded.level`, assessedOn: sql`excluded.assessed_on`, fetchedAt: sql`excluded.fetched_at` },
      });
  }
  return fetched.length;
}
