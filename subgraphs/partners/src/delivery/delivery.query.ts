import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, desc, eq, gt, isNotNull, isNull, type SQL } from '@iag/kit/orm';
import { deliveries, type PartnersSchema } from '../db/schema';
import type { DeliveriesArgs } from './delivery.args';
import { auditDeliveryReads } from './delivery.audit';
import { visibleDeliveries } from './delivery.visibility';

/** The filtered list behind `deliveries`, newest first. */
export async function listDeliveries(ctx: SubgraphContext<PartnersSchema>, args: DeliveriesArgs) {
  const page = toPage(args);
  const filters: (SQL | undefined)[] = [visibleDeliveries(ctx)];
  if (args.product) filters.push(eq(deliveries.productId, args.product));
  if (args.recipient) filters.push(eq(deliveries.recipientId, args.recipient));
  if (args.channel) filters.push(eq(deliveries.channel, args.channel));
  if (args.acknowledged != null) {
    filters.push(args.acknowledged ? isNotNull(deliveries.acknowledgedAt) : isNull(deliveries.acknowledgedAt));
  }
  if (args.deliveredAfter) filters.push(gt(deliveries.deliveredAt, args.deliveredAfter));
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(deliveries)
    .where(where)
    .orderBy(desc(deliveries.deliveredAt), asc(deliveries.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  const connection = toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(deliveries).where(where);
    return total;
  });
  // The page's edges, not `rows`: the look-ahead row is fetched but never shown.
  auditDeliveryReads(
    ctx,
    connection.edges.map((edge) => edge.node),
  );
  return connection;
}
