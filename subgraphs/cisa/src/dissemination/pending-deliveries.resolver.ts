import { BadUserInputError, type SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { admitProduct } from '../threat-product/product.access';
import { threatProductLoader } from '../threat-product/threat-product.loader';
import { ThreatProduct } from '../threat-product/threat-product.type';
import { DisseminationStatus, PendingDeliveriesArgs, PendingDelivery } from './dissemination-status.type';
import { oldestPendingRows } from './outbox.store';

type Ctx = SubgraphContext<CisaSchema>;
const MAX_PENDING = 100;

/** Which deliveries the backlog holds, so a publisher can see what is stuck, where and why. */
@Resolver(() => DisseminationStatus)
export class PendingDeliveriesResolver {
  @FieldResolver(() => [PendingDelivery], { description: 'The deliveries not yet accepted by Partners, oldest queued first.' })
  async pendingDeliveries(@Root() _status: DisseminationStatus, @Args(() => PendingDeliveriesArgs) args: PendingDeliveriesArgs, @Ctx() ctx: Ctx) {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PENDING) {
      throw new BadUserInputError(`\`first\` must be between 1 and ${MAX_PENDING}`, 'first');
    }
    const rows = await oldestPendingRows(ctx.db, args.first);
    return rows.map(
      (row): PendingDelivery => ({
        productId: row.productId,
        revision: row.revision,
        recipient: { id: row.recipientId },
        queuedAt: row.createdAt,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt,
        lastError: row.lastError,
      }),
    );
  }
}

@Resolver(() => PendingDelivery)
export class PendingDeliveryProductResolver {
  // Through the product rule like every other path: a publisher may hold the publish scope without
  // being among the readers of a RED product, and then gets null with FORBIDDEN here.
  @FieldResolver(() => ThreatProduct, { nullable: true })
  async product(@Root() delivery: PendingDelivery, @Ctx() ctx: Ctx) {
    return admitProduct(ctx, await threatProductLoader(ctx).load(delivery.productId));
  }
}
