import { pagesByParent, type Connection, type Page, type SubgraphContext } from '@iag/kit';
import { and, eq, type SQL } from '@iag/kit/orm';
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
 * One page of products for each of many parents, in one statement: the kit's `pagesByParent` over
 * a link table joined with `threat_products`, with the visibility rule in the WHERE of every page.
 */
export async function productPagesByParent(
  ctx: SubgraphContext<CisaSchema>,
  q: ProductPagesQuery,
): Promise<Connection<ThreatProductRow>[]> {
  const connections = await pagesByParent({
    db: ctx.db as never,
    table: threatProducts,
    link: { table: q.link, on: eq(threatProducts.id, q.link.productId) },
    parent: q.link.key,
    parentKeys: q.parentKeys,
    where: and(visibleProducts(ctx), q.where),
    orderBy: newestPublishedFirst,
    page: q.page,
  });
  // Audited from the pages themselves: the look-ahead row is not shown.
  auditProductReads(ctx, connections.flatMap((c) => c.edges.map((edge) => edge.node)));
  return connections;
}
