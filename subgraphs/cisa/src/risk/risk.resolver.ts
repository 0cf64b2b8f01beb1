import type { Principal, SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import type { DependencyRow } from '../dependency/dependency.loader';
import { Dependency } from '../dependency/dependency.type';
import { riskHistoryLoader, type RiskHistoryRow } from './risk-history.loader';
import { riskAssessedAt } from './risk-runs';
import { visibleFactors } from './risk.access';
import { RiskHistoryArgs } from './risk.args';
import { RiskAssessmentConnection, RiskFactor } from './risk.type';

type Ctx = SubgraphContext<CisaSchema>;

/** Maps a history row to a RiskAssessment. */
export const toAssessment = (row: RiskHistoryRow, principal: Principal) => ({
  assessedAt: row.assessedAt,
  riskScore: row.riskScore,
  priority: row.priority,
  cause: row.cause,
  factors: visibleFactors(row.riskFactors, principal),
});

/** The explainable side of a dependency's score (docs/risk.md). */
@Resolver(() => Dependency)
export class DependencyRiskResolver {
  @FieldResolver(() => [RiskFactor], {
    description: 'What the risk score is made of, as of riskAssessedAt; the contributions add up to it.',
  })
  riskFactors(@Root() dependency: Dependency, @Ctx() ctx: Ctx) {
    return visibleFactors((dependency as unknown as DependencyRow).riskFactors, ctx.principal);
  }

  @FieldResolver(() => Date, { description: 'When the risk score was last assessed.' })
  riskAssessedAt(@Root() dependency: Dependency, @Ctx() ctx: Ctx) {
    return riskAssessedAt(ctx, dependency as unknown as DependencyRow);
  }

  @FieldResolver(() => RiskAssessmentConnection, { description: 'Assessments that changed the score or its factors, newest first.' })
  async riskHistory(@Root() dependency: Dependency, @Args(() => RiskHistoryArgs) args: RiskHistoryArgs, @Ctx() ctx: Ctx) {
    const page = await riskHistoryLoader(ctx, args).load(dependency.id);
    // Not a spread: it would read the lazy totalCount getter and run the count nobody asked for.
    return {
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAssessment(e.node, ctx.principal) })),
      pageInfo: page.pageInfo,
      get totalCount() {
        return page.totalCount;
      },
    };
  }
}
