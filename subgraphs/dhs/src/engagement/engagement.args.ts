import { DateScalar, PageArgs } from '@iag/kit';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { EngagementKind, EngagementStatus, STRATEGIC_GOAL_DESCRIPTION } from './engagement.type';

@ArgsType()
export class EngagementsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'A US agency, leading or taking part, e.g. "CISA".' })
  agency?: string | null;

  @Field(() => EngagementStatus, { nullable: true })
  status?: EngagementStatus | null;

  @Field(() => EngagementKind, { nullable: true })
  kind?: EngagementKind | null;

  @Field(() => Int, { nullable: true, description: STRATEGIC_GOAL_DESCRIPTION })
  strategicGoal?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only engagements this organization takes part in.' })
  organization?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only engagements concerning this sector.' })
  sector?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of a window: only engagements running on some day from `from` to `to`, both included.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the window, not before `from`; open when absent.',
  })
  to?: string | null;
}
