import { DataLoader, pagesByParent, toPage, type Connection, type SubgraphContext } from '@iag/kit';
import { desc, gte } from '@iag/kit/orm';
import { dependencyRiskHistory, type CisaSchema } from '../db/schema';
import type { RiskHistoryArgs } from './risk.args';

export type RiskHistoryRow = typeof dependencyRiskHistory.$inferSelect;

/**
 * One page of risk history, newest first, for every dependency of the request in one statement
 * (on the (dependency_id, assessed_at desc) index). The arguments are part of the loader's name:
 * dependencies asked with different ones cannot share a statement.
 */
export function riskHistoryLoader(ctx: SubgraphContext<CisaSchema>, args: RiskHistoryArgs) {
  const page = toPage(args);
  const since = args.since ?? null;
  const name = `riskHistory:${JSON.stringify([page, since])}`;
  return ctx.loaders.get(name, () =>
    new DataLoader<string, Connection<RiskHistoryRow>>((keys) =>
      pagesByParent({
        db: ctx.db as never,
        table: dependencyRiskHistory,
        parent: dependencyRiskHistory.dependencyId,
        parentKeys: keys,
        where: since ? gte(dependencyRiskHistory.assessedAt, since) : undefined,
        orderBy: [desc(dependencyRiskHistory.assessedAt), desc(dependencyRiskHistory.id)],
        page,
      }),
    ),
  );
}
