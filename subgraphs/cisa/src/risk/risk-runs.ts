import { DataLoader, type Db, type SubgraphContext } from '@iag/kit';
import { desc } from '@iag/kit/orm';
import { riskReassessments, type CisaSchema } from '../db/schema';
import type { DependencyRow } from '../dependency/dependency.loader';

/** Records a full reassessment, in its transaction. */
export async function recordReassessment(db: Db<CisaSchema>, run: { assessedAt: Date; assessed: number; changed: number }) {
  await db.insert(riskReassessments).values(run).onConflictDoNothing();
}

// The latest full reassessment, read at most once per request (one key: there is only one latest).
const latestRunLoader = (ctx: SubgraphContext<CisaSchema>) =>
  ctx.loaders.get('latestRiskReassessment', () =>
    new DataLoader<'latest', Date | null>(async (keys) => {
      const [row] = await ctx.db.select({ at: riskReassessments.assessedAt }).from(riskReassessments).orderBy(desc(riskReassessments.assessedAt)).limit(1);
      return keys.map(() => row?.at ?? null);
    }),
  );

/**
 * When a dependency's score was last assessed: its own last write (created, updated, or moved by
 * a run), or the latest full reassessment if that is later and the dependency is ACTIVE, since a
 * run assesses every ACTIVE dependency and writes only those whose score or factors moved. A
 * dependency whose status changed since that run was rescored by that change, at a later time.
 */
export async function riskAssessedAt(ctx: SubgraphContext<CisaSchema>, row: DependencyRow): Promise<Date> {
  if (row.status !== 'ACTIVE') return row.riskAssessedAt;
  const latest = await latestRunLoader(ctx).load('latest');
  return latest && latest > row.riskAssessedAt ? latest : row.riskAssessedAt;
}
