import {
  DataLoader,
  groupByKey,
  toPage,
  type Connection,
  type Page,
  type SubgraphContext,
} from '@iag/kit';
import { and, eq, inArray, type SQL } from '@iag/kit/orm';
import {
  threatProductCountries,
  threatProductEngagements,
  threatProducts,
  threatProductSectors,
  threatProductVulnerabilities,
  type CisaSchema,
} from '../db/schema';
import { auditProductReads } from './product.audit';
import { visibleProducts } from './product.visibility';
import type { LinkedThreatProductsArgs } from './threat-product.args';
import type { ThreatProductRow } from './threat-product.loader';
import { newestPublishedFirst } from './threat-product.order';
import { productPagesByParent, type ProductLinkTable } from './threat-product.pages';

type Ctx = SubgraphContext<CisaSchema>;

// All the products linked to each key (a CVE id, an engagement id), newest first, in one join.
function productsByLink(ctx: Ctx, name: string, link: ProductLinkTable) {
  return ctx.loaders.get(name, () =>
    new DataLoader<string, ThreatProductRow[]>(async (keys) => {
      const rows = await ctx.db
        .select({ key: link.key, product: threatProducts })
        .from(link)
        .innerJoin(threatProducts, eq(threatProducts.id, link.productId))
        .where(and(inArray(link.key, [...keys]), visibleProducts(ctx)))
        .orderBy(...newestPublishedFirst);
      auditProductReads(ctx, rows.map((row) => row.product));
      return groupByKey(keys, rows, (row) => row.key).map((list) => list.map((row) => row.product));
    }),
  );
}

/** The products covering each CVE. */
export const threatProductsByVulnerabilityLoader = (ctx: Ctx) =>
  productsByLink(ctx, 'threatProductsByVulnerability', threatProductVulnerabilities);

/** The products shared in each DHS engagement. */
export const threatProductsByEngagementLoader = (ctx: Ctx) =>
  productsByLink(ctx, 'threatProductsByEngagement', threatProductEngagements);

// The loader's name carries the page and filters: selections of the field with different arguments
// (aliases) get loaders of their own, while every parent of one selection shares a single batch.
function productPagesLoader(ctx: Ctx, name: string, link: ProductLinkTable, page: Page, where?: SQL) {
  return ctx.loaders.get(name, () =>
    new DataLoader<string, Connection<ThreatProductRow>>((parentKeys) =>
      productPagesByParent(ctx, { link, parentKeys, where, page }),
    ),
  );
}

// One statement per request for all parents (countries, sectors) asking the same page and filters.
function linkedPagesLoader(ctx: Ctx, parent: string, link: ProductLinkTable, args: LinkedThreatProductsArgs) {
  const page = toPage(args);
  const tlp = args.tlp ?? null;
  const status = args.status ?? null;
  const where = and(
    tlp ? eq(threatProducts.tlp, tlp) : undefined,
    status ? eq(threatProducts.status, status) : undefined,
  );
  return productPagesLoader(ctx, `threatProductPagesBy${parent}:${JSON.stringify({ ...page, tlp, status })}`, link, page, where);
}

/** `Country.threatProducts`. */
export const threatProductPagesByCountryLoader = (ctx: Ctx, args: LinkedThreatProductsArgs) =>
  linkedPagesLoader(ctx, 'Country', threatProductCountries, args);

/** `Sector.threatProducts`. */
export const threatProductPagesBySectorLoader = (ctx: Ctx, args: LinkedThreatProductsArgs) =>
  linkedPagesLoader(ctx, 'Sector', threatProductSectors, args);
