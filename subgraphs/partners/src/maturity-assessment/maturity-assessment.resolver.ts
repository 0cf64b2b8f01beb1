import { NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { PartnersSchema } from '../db/schema';
import { Organization } from '../organization/organization.type';
import { MaturityAssessmentsArgs } from './maturity-assessment.args';
import { maturityAssessmentLoader } from './maturity-assessment.loader';
import { listMaturityAssessments } from './maturity-assessment.query';
import { MaturityAssessment, MaturityAssessmentConnection } from './maturity-assessment.type';

type Ctx = SubgraphContext<PartnersSchema>;

@Resolver(() => MaturityAssessment)
export class MaturityAssessmentResolver {
  @Query(() => MaturityAssessment, { nullable: true })
  async maturityAssessment(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const assessment = await maturityAssessmentLoader(ctx).load(id);
    if (!assessment) throw new NotFoundError('MaturityAssessment', id);
    return assessment;
  }

  @Query(() => MaturityAssessmentConnection, {
    description: 'Maturity assessments, most recent first, filtered by organization or minimum level.',
  })
  maturityAssessments(@Args(() => MaturityAssessmentsArgs) args: MaturityAssessmentsArgs, @Ctx() ctx: Ctx) {
    return listMaturityAssessments(ctx, args);
  }

  @FieldResolver(() => Organization, { description: 'The organization assessed (owned by State).' })
  organization(@Root() assessment: MaturityAssessment): Organization {
    return { id: assessment.organizationId };
  }
}

/** `_entities` turns `{ id }` into an assessment; unknown ids resolve to null. */
export const resolveMaturityAssessmentReference = (ref: { id: string }, ctx: Ctx) =>
  maturityAssessmentLoader(ctx).load(ref.id);
