import { PageArgs } from '@iag/kit';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class CountriesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only countries of this region, e.g. "Europe".' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name or a code.' })
  search?: string | null;
}
