import type { SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { threatProductPagesByCountryLoader } from '../threat-product/threat-product-links.loader';
import { LinkedThreatProductsArgs } from '../threat-product/threat-product.args';
import { ThreatProductConnection } from '../threat-product/threat-product.connection';
import { Country } from './country.type';

@Resolver(() => Country)
export class CountryThreatIntelResolver {
  @FieldResolver(() => ThreatProductConnection, {
    // Nullable: a field added to another agency's entity must not null its parent when this subgraph is down.
    nullable: true,
    description: 'Threat products concerning this country, newest published first (drafts last).',
  })
  threatProducts(
    @Root() country: Country,
    @Args(() => LinkedThreatProductsArgs) args: LinkedThreatProductsArgs,
    @Ctx() ctx: SubgraphContext<CisaSchema>,
  ) {
    return threatProductPagesByCountryLoader(ctx, args).load(country.code);
  }
}
