import type { SubgraphContext } from '@iag/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { threatProductsByEngagementLoader } from '../threat-product/threat-product-links.loader';
import { ThreatProduct } from '../threat-product/threat-product.type';
import { Engagement } from './engagement.type';

@Resolver(() => Engagement)
export class EngagementThreatIntelResolver {
  @FieldResolver(() => [ThreatProduct], { nullable: true, description: 'Threat products shared in this engagement, newest first.' })
  threatProductsShared(@Root() engagement: Engagement, @Ctx() ctx: SubgraphContext<CisaSchema>) {
    return threatProductsByEngagementLoader(ctx).load(engagement.id);
  }
}
