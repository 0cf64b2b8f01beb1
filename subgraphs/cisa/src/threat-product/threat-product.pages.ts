import { toConnection, type Connection, type Page, type SubgraphContext } from '@iag/kit';
import { and, eq, getTableColumns, gt, inArray, lte, or, sql, type SQL } from '@iag/kit/orm';
import { threatProducts, type CisaSchema, type threatProductCountries } from '../db/schema';
import { auditProductReads } from './product.audit';
import { visibleProducts } from './product.visibility';
import type { ThreatProductRow } from './threat-product.loader';
import { newestPublishedFirst } from './threat-product.order';

/** Any of the `threat_product_*` link tables: they all hold (product_id, key). */
export type ProductLinkTable = typeof threatProductCountries;

export interface ProductPagesQuery {
  link: ProductLinkTable;
  /** Parent keys found in `link.key`: country codes, sector codes... */
  parentKeys: readonly string[];
  /** Filters on `threat_products` beyond the visibility rule, which always applies. */
  where?: SQL;
  page: Page;
}

/**
 * One page of products for each of many parents, in one statement: the kit's `pagesByParent`
 * over a link table joined with `threat_products`. Rows are numbered per parent with a window
 * function and cut to the page; the per-parent count comes along with each row.
 *
 * Row 1 of every parent is always kept, even when the page starts later, so that a page past the
 * end still knows its parent's total (the kit's single-table version answers 0 there).
 */
export async function productPagesByParent(
  ctx: SubgraphContext<CisaSchema>,
  q: ProductPagesQuery,
): Promise<Connection<ThreatProductRow>[]> {
  const { link, page } = q;
  const order = sql.join(newestPublishedFirst, sql`, `);
  const numbered = ctx.db
    .select({
      ...getTableColumns(threatProducts),
      parentKey: sql<string>`${link.key}`.as('parent_key'),
      rowNumber: sql<number>`row_number() over (partition by ${link.key} order by ${order})`.as('row_number'),
      total: sql<number>`count(*) over (partition by ${link.key})`.as('total'),
    })
    .from(link)
    .innerJoin(threatProducts, eq(threatProducts.id, link.productId))
    .where(and(inArray(link.key, [...q.parentKeys]), visibleProducts(ctx), q.where))
    .as('numbered');

  const rows = await ctx.db
    .select()
    .from(numbered)
    .where(
      or(
        eq(numbered.rowNumber, 1),
        and(gt(numbered.rowNumber, page.offset), lte(numbered.rowNumber, page.offset + page.limit + 1)),
      ),
    )
    .orderBy(numbered.parentKey, numbered.rowNumber);

  const byParent = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byParent.get(row.parentKey);
    if (list) list.push(row);
    else byParent.set(row.parentKey, [row]);
  }
  const connections = q.parentKeys.map((key) => {
    const list = byParent.get(key) ?? [];
    const total = list.length > 0 ? Number(list[0].total) : 0;
    const nodes = list
      .filter((row) => Number(row.rowNumber) > page.offset)
      .map(({ parentKey: _p, rowNumber: _r, total: _t, ...product }) => product);
    return toConnection(nodes, page, total);
  });
  // Audited from the pages themselves: row 1 kept only for the total, and the look-ahead row, are not shown.
  auditProductReads(ctx, connections.flatMap((c) => c.edges.map((edge) => edge.node)));
  return connections;
}
