import {
  ForbiddenError,
  NotFoundError,
  Validator,
  runMutation,
  updateVersioned,
  type SubgraphContext,
} from '@iag/kit';
import { and, eq, isNull, sql } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { deliveries, type PartnersSchema } from '../db/schema';
import { deliveryLoader, loadDelivery, type DeliveryRow } from './delivery.loader';
import { Delivery } from './delivery.type';

type Ctx = SubgraphContext<PartnersSchema>;

/** Loads a delivery for the caller: NOT_FOUND if unknown, FORBIDDEN / UNAUTHENTICATED if hidden. */
async function requireDelivery(ctx: Ctx, id: string) {
  const delivery = await loadDelivery(ctx, id);
  if (!delivery) throw new NotFoundError('Delivery', id);
  return delivery;
}

@Resolver()
export class DeliveryMutationResolver {
  /**
   * The recipient confirms receipt. Only a partner of the recipient organization may; US principals
   * who can read the delivery are refused (FORBIDDEN), like partners of other organizations, who
   * cannot see it at all. Idempotent by nature: a second acknowledgement changes nothing.
   */
  @Authorized('AUTHENTICATED')
  @Mutation(() => Delivery, {
    description:
      'The recipient organization confirms receipt of a delivery. Acknowledging again changes nothing; ' +
      'with expectedVersion, a stale version of an unacknowledged delivery is a CONFLICT.',
  })
  async acknowledgeDelivery(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null | undefined,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ): Promise<DeliveryRow> {
    new Validator().text('id', id, { max: 200 }).int('expectedVersion', expectedVersion, 1, 2_147_483_647).done();

    const { principal } = ctx;
    const delivery = await requireDelivery(ctx, id);
    if (principal.kind !== 'PARTNER' || !principal.organizationId || principal.organizationId !== delivery.recipientId) {
      throw new ForbiddenError('Only the recipient organization may acknowledge a delivery');
    }

    await runMutation(
      ctx,
      { name: 'acknowledgeDelivery', objectType: 'Delivery', idempotencyKey, input: { id, expectedVersion } },
      async (tx) => {
        // The row lock orders concurrent acknowledgements: whoever comes second sees the first's.
        const [current] = await tx
          .select({ acknowledgedAt: deliveries.acknowledgedAt })
          .from(deliveries)
          .where(eq(deliveries.id, id))
          .for('update');
        if (!current) throw new NotFoundError('Delivery', id);
        if (current.acknowledgedAt) return { ids: [id] };
        const set = { acknowledgedAt: new Date(), acknowledgedBy: principal.sub! };
        if (expectedVersion != null) {
          await updateVersioned(tx, deliveries, deliveries, id, expectedVersion, set, 'Delivery');
        } else {
          await tx
            .update(deliveries)
            .set({ ...set, version: sql`${deliveries.version} + 1`, updatedAt: new Date() })
            .where(and(eq(deliveries.id, id), isNull(deliveries.acknowledgedAt)));
        }
        return { ids: [id] };
      },
    );

    // The loader cached the row as it was before the change.
    deliveryLoader(ctx).clear(id);
    return requireDelivery(ctx, id);
  }
}
