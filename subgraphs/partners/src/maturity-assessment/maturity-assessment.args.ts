import { PageArgs } from '@iag/kit';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_LEVEL, MIN_LEVEL } from './maturity-assessment.type';

@ArgsType()
export class MaturityAssessmentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only assessments of this organization.' })
  organization?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Only assessments at this level or above (${MIN_LEVEL}-${MAX_LEVEL}).`,
  })
  minLevel?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Only assessments at this level or below (${MIN_LEVEL}-${MAX_LEVEL}): the weakest operators.`,
  })
  maxLevel?: number | null;
}
