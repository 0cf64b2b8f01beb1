import type { SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { threatProductPagesBySectorLoader } from '../threat-product/threat-product-links.loader';
import { LinkedThreatProductsArgs } from '../threat-product/threat-product.args';
import { ThreatProductConnection } from '../threat-product/threat-product.connection';
import { Sector } from './sector.type';

@Resolver(() => Sector)
export class SectorThreatIntelResolver {
  @FieldResolver(() => ThreatProductConnection, {
    // Nullable: a field added to another agency's entity must not null its parent when this subgraph is down.
    nullable: true,
    description: 'Threat products concerning this sector, newest published first (drafts last).',
  })
  threatProducts(
    @Root() sector: Sector,
    @Args(() => LinkedThreatProductsArgs) args: LinkedThreatProductsArgs,
    @Ctx() ctx: SubgraphContext<CisaSchema>,
  ) {
    return threatProductPagesBySectorLoader(ctx, args).load(sector.code);
  }
}
