import { UnauthenticatedError, type SubgraphContext } from '@iag/kit';
import { Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { INFRASTRUCTURE_WRITE } from '../asset/asset.mutation';
import type { CisaSchema } from '../db/schema';
import { maturitySourceOf, reassessAll } from './reassess';
import { RiskReassessment } from './risk.type';

@Resolver()
export class RiskMutationResolver {
  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => RiskReassessment, {
    description:
      'Refreshes operator maturity from Partners (else uses the stored copy and says why) and reassesses every active dependency now.',
  })
  async reassessRisk(@Ctx() ctx: SubgraphContext<CisaSchema>) {
    if (!ctx.principal.sub) throw new UnauthenticatedError('Sign in to change anything');
    return reassessAll(ctx.db, maturitySourceOf(ctx.db), {
      inTransaction: (tx) => ctx.audit.write(tx as never, 'reassessRisk', 'Dependency', []),
    });
  }
}
