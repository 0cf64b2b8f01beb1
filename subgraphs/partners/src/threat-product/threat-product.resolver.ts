import type { SubgraphContext } from '@iag/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartnersSchema } from '../db/schema';
import { deliveriesByProductLoader } from '../delivery/delivery.loader';
import { Delivery } from '../delivery/delivery.type';
import { sightingsByProductLoader } from '../sighting/sighting.loader';
import { Sighting } from '../sighting/sighting.type';
import { ThreatProduct } from './threat-product.type';

type Ctx = SubgraphContext<PartnersSchema>;

@Resolver(() => ThreatProduct)
export class ThreatProductResolver {
  @FieldResolver(() => [Delivery], { nullable: true, description: 'Every delivery of the product, in delivery order.' })
  deliveries(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    return deliveriesByProductLoader(ctx).load(product.id);
  }

  @FieldResolver(() => [Sighting], { nullable: true, description: 'What partners reported about the product, in report order.' })
  sightings(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    return sightingsByProductLoader(ctx).load(product.id);
  }
}
