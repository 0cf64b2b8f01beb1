import { NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { PartnersSchema } from '../db/schema';
import { Organization } from '../organization/organization.type';
import { ThreatProduct } from '../threat-product/threat-product.type';
import { DeliveriesArgs } from './delivery.args';
import { loadDelivery } from './delivery.loader';
import { listDeliveries } from './delivery.query';
import { Delivery, DeliveryConnection } from './delivery.type';

type Ctx = SubgraphContext<PartnersSchema>;

@Resolver(() => Delivery)
export class DeliveryResolver {
  // NOT_FOUND if unknown; FORBIDDEN (UNAUTHENTICATED for anonymous) if it is not the caller's to see.
  @Query(() => Delivery, { nullable: true })
  async delivery(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const delivery = await loadDelivery(ctx, id);
    if (!delivery) throw new NotFoundError('Delivery', id);
    return delivery;
  }

  @Query(() => DeliveryConnection, {
    description: 'Deliveries, newest first, filtered by product, recipient, channel, acknowledgement or date.',
  })
  deliveries(@Args(() => DeliveriesArgs) args: DeliveriesArgs, @Ctx() ctx: Ctx) {
    return listDeliveries(ctx, args);
  }

  @FieldResolver(() => ThreatProduct, { description: 'The product delivered (owned by CISA).' })
  product(@Root() delivery: Delivery): ThreatProduct {
    return { id: delivery.productId };
  }

  @FieldResolver(() => Organization, { description: 'The organization it was delivered to (owned by State).' })
  recipient(@Root() delivery: Delivery): Organization {
    return { id: delivery.recipientId };
  }
}

/**
 * `_entities` turns `{ id }` into a delivery: unknown ids resolve to null, hidden ones to null with
 * FORBIDDEN (UNAUTHENTICATED for anonymous callers), so the other representations still resolve.
 */
export const resolveDeliveryReference = (ref: { id: string }, ctx: Ctx) => loadDelivery(ctx, ref.id);
