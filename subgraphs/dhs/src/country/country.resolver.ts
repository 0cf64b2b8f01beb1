import type { SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DhsSchema } from '../db/schema';
import { engagementsByCountryLoader } from '../engagement/engagement.loader';
import { EngagementConnection } from '../engagement/engagement.type';
import { CountryEngagementsArgs } from './country.args';
import { Country } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => EngagementConnection, { nullable: true, description: 'Engagements in this country, latest start first.' })
  engagements(
    @Root() country: Country,
    @Args(() => CountryEngagementsArgs) args: CountryEngagementsArgs,
    @Ctx() ctx: SubgraphContext<DhsSchema>,
  ) {
    return engagementsByCountryLoader(ctx, args).load(country.code);
  }
}
