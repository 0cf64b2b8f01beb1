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
import { and, asc, desc, getTableColumns, inArray, sql } from '@iag/kit/orm';
import { admitted, type Lookup } from '../access/hidden';
import { deliveries, type PartnersSchema } from '../db/schema';
import { auditDeliveryReads } from './delivery.audit';
import { visibleDeliveries } from './delivery.visibility';

export type DeliveryRow = typeof deliveries.$inferSelect;
type Ctx = SubgraphContext<PartnersSchema>;

/**
 * Deliveries by id, for `delivery(id)` and `_entities`, each with `visible`: the visibility rule
 * selected as a column rather than filtered on, so that a hidden delivery (FORBIDDEN) can be told
 * from a missing one (NOT_FOUND / null). Null for unknown ids. Use `loadDelivery`, which refuses.
 */
export function deliveryLoader(ctx: Ctx) {
  return ctx.loaders.get('delivery', () =>
    new DataLoader<string, Lookup<DeliveryRow> | null>(async (ids) => {
      const rows = await ctx.db
        .select({ ...getTableColumns(deliveries), visible: sql<boolean>`(${visibleDeliveries(ctx)})` })
        .from(deliveries)
        .where(inArray(deliveries.id, [...ids]));
      // Only what the caller will be shown is a read; a refused row is not.
      auditDeliveryReads(ctx, rows.filter((row) => row.visible));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/** One delivery by id for the caller: null if unknown; throws FORBIDDEN / UNAUTHENTICATED if hidden. */
export async function loadDelivery(ctx: Ctx, id: string): Promise<DeliveryRow | null> {
  return admitted(ctx.principal, 'Delivery', await deliveryLoader(ctx).load(id));
}

/** All deliveries of each product the caller may see, in delivery order (`ThreatProduct.deliveries`). */
export function deliveriesByProductLoader(ctx: Ctx) {
  return ctx.loaders.get('deliveriesByProduct', () =>
    new DataLoader<string, DeliveryRow[]>(async (productIds) => {
      const rows = await ctx.db
        .select()
        .from(deliveries)
        .where(and(inArray(deliveries.productId, [...productIds]), visibleDeliveries(ctx)))
        .orderBy(asc(deliveries.deliveredAt), asc(deliveries.id));
      auditDeliveryReads(ctx, rows);
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
    new DataLoader<string, Connection<DeliveryRow>>(async (recipientIds) => {
      const pages = await pagesByParent({
        db: ctx.db,
        table: deliveries,
        parent: deliveries.recipientId,
        parentKeys: recipientIds,
        where: visibleDeliveries(ctx),
        orderBy: [desc(deliveries.deliveredAt), asc(deliveries.id)],
        page,
      });
      // The edges, not the raw rows: the look-ahead row and the carried "row 1" are not shown.
      auditDeliveryReads(
        ctx,
        pages.flatMap((connection) => connection.edges.map((edge) => edge.node)),
      );
      return pages;
    }),
  );
}
