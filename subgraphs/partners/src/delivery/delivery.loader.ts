import {
  DataLoader,
  byKey,
  groupByKey,
  pagesByParent,
  toPage,
  type Connection,
  type PageArgs,
  type SubgraphContext,
} from '@iag/kit';
import { and, asc, desc, inArray } from '@iag/kit/orm';
import { deliveries, type PartnersSchema } from '../db/schema';
import { visibleDeliveries } from './delivery.visibility';

export type DeliveryRow = typeof deliveries.$inferSelect;
type Ctx = SubgraphContext<PartnersSchema>;

/** Deliveries by id, for `delivery(id)` and `_entities`; null for unknown or invisible ids. */
export function deliveryLoader(ctx: Ctx) {
  return ctx.loaders.get('delivery', () =>
    new DataLoader<string, DeliveryRow | null>(async (ids) => {
      const rows = await ctx.db
        .select()
        .from(deliveries)
        .where(and(inArray(deliveries.id, [...ids]), visibleDeliveries(ctx)));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/** All deliveries of each product, in delivery order (`ThreatProduct.deliveries`). */
export function deliveriesByProductLoader(ctx: Ctx) {
  return ctx.loaders.get('deliveriesByProduct', () =>
    new DataLoader<string, DeliveryRow[]>(async (productIds) => {
      const rows = await ctx.db
        .select()
        .from(deliveries)
        .where(and(inArray(deliveries.productId, [...productIds]), visibleDeliveries(ctx)))
        .orderBy(asc(deliveries.deliveredAt), asc(deliveries.id));
      return groupByKey(productIds, rows, (row) => row.productId);
    }),
  );
}

/**
 * One page of deliveries per recipient, newest first (`Organization.deliveries(first, after)`). A
 * loader per page request: parents asking for the same page share one statement.
 */
export function deliveryPagesByRecipientLoader(ctx: Ctx, args: PageArgs) {
  const page = toPage(args);
  return ctx.loaders.get(`deliveryPagesByRecipient:${page.offset}:${page.limit}`, () =>
    new DataLoader<string, Connection<DeliveryRow>>((recipientIds) =>
      pagesByParent({
        db: ctx.db,
        table: deliveries,
        parent: deliveries.recipientId,
        parentKeys: recipientIds,
        where: visibleDeliveries(ctx),
        orderBy: [desc(deliveries.deliveredAt), asc(deliveries.id)],
        page,
      }),
    ),
  );
}
