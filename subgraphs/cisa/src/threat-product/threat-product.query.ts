import { BadUserInputError, likePattern, toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, count, eq, exists, gt, ilike, lt, or, type SQL } from '@iag/kit/orm';
import { threatProductCountries, threatProducts, threatProductSectors, type CisaSchema } from '../db/schema';
import { auditProductReads } from './product.audit';
import { visibleProducts } from './product.visibility';
import type { ThreatProductsArgs } from './threat-product.args';
import { newestPublishedFirst } from './threat-product.order';
import type { ProductLinkTable } from './threat-product.pages';

type Ctx = SubgraphContext<CisaSchema>;

// "The product links to this key", as a correlated EXISTS on the link table's (key, product_id) index.
function linkedTo(ctx: Ctx, link: ProductLinkTable, key: string) {
  return exists(
    ctx.db
      .select({ one: link.productId })
      .from(link)
      .where(and(eq(link.productId, threatProducts.id), eq(link.key, key))),
  );
}

/** The filtered list behind `threatProducts`, newest published first, within what the caller may see. */
export async function listThreatProducts(ctx: Ctx, args: ThreatProductsArgs) {
  const page = toPage(args);
  if (args.publishedAfter && args.publishedBefore && args.publishedBefore < args.publishedAfter) {
    throw new BadUserInputError('`publishedBefore` must not be earlier than `publishedAfter`', 'publishedBefore');
  }
  const filters: (SQL | undefined)[] = [visibleProducts(ctx)];
  if (args.kind) filters.push(eq(threatProducts.kind, args.kind));
  if (args.tlp) filters.push(eq(threatProducts.tlp, args.tlp));
  if (args.status) filters.push(eq(threatProducts.status, args.status));
  if (args.sector) filters.push(linkedTo(ctx, threatProductSectors, args.sector.toUpperCase()));
  if (args.country) filters.push(linkedTo(ctx, threatProductCountries, args.country.toUpperCase()));
  if (args.publishedAfter) filters.push(gt(threatProducts.publishedAt, args.publishedAfter));
  if (args.publishedBefore) filters.push(lt(threatProducts.publishedAt, args.publishedBefore));
  if (args.search) {
    const pattern = likePattern(args.search);
    filters.push(
      or(
        ilike(threatProducts.trackingId, pattern),
        ilike(threatProducts.title, pattern),
        ilike(threatProducts.summary, pattern),
      ),
    );
  }
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(threatProducts)
    .where(where)
    .orderBy(...newestPublishedFirst)
    .limit(page.limit + 1)
    .offset(page.offset);
  // Only the page is shown; the look-ahead row that tells `hasNextPage` is not a read.
  auditProductReads(ctx, rows.slice(0, page.limit));
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(threatProducts).where(where);
    return total;
  });
}
