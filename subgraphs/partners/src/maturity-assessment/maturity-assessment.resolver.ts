import { NotFoundError, requireScope, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { PartnersSchema } from '../db/schema';
import { Organization } from '../organization/organization.type';
import { MaturityAssessmentsArgs } from './maturity-assessment.args';
import { maturityAssessmentLoader } from './maturity-assessment.loader';
import { listMaturityAssessments } from './maturity-assessment.query';
import { MaturityAssessment, MaturityAssessmentConnection } from './maturity-assessment.type';
import { MATURITY_READ } from './maturity-assessment.visibility';

type Ctx = SubgraphContext<PartnersSchema>;

// Maturity is US-government-only (docs/access.md): partners never see it, not even their own.
@Resolver(() => MaturityAssessment)
export class MaturityAssessmentResolver {
  @Authorized(MATURITY_READ)
  @Query(() => MaturityAssessment, { nullable: true })
  async maturityAssessment(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const assessment = await maturityAssessmentLoader(ctx).load(id);
    if (!assessment) throw new NotFoundError('MaturityAssessment', id);
    return assessment;
  }

  @Authorized(MATURITY_READ)
  @Query(() => MaturityAssessmentConnection, {
    description: 'Maturity assessments, most recent first, filtered by organization or level (minimum, maximum).',
  })
  maturityAssessments(@Args(() => MaturityAssessmentsArgs) args: MaturityAssessmentsArgs, @Ctx() ctx: Ctx) {
    return listMaturityAssessments(ctx, args);
  }

  @FieldResolver(() => Organization, { description: 'The organization assessed (owned by State).' })
  organization(@Root() assessment: MaturityAssessment): Organization {
    return { id: assessment.organizationId };
  }
}

/**
 * `_entities` turns `{ id }` into an assessment; unknown ids resolve to null. `@Authorized` does not
 * reach `__resolveReference`, so the scope is checked here: without it, null with FORBIDDEN. Async on
 * purpose: a synchronous throw would fail the whole `_entities` field instead of this one item.
 */
export const resolveMaturityAssessmentReference = async (ref: { id: string }, ctx: Ctx) => {
  requireScope(ctx.principal, MATURITY_READ);
  return maturityAssessmentLoader(ctx).load(ref.id);
};
