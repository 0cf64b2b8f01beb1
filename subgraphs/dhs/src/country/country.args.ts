import { PageArgs } from '@iag/kit';
import { ArgsType, Field } from 'type-graphql';
import { EngagementStatus } from '../engagement/engagement.type';

@ArgsType()
export class CountryEngagementsArgs extends PageArgs {
  @Field(() => EngagementStatus, { nullable: true })
  status?: EngagementStatus | null;
}
