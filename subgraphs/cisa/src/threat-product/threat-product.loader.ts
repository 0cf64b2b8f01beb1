import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { and, asc, inArray } from '@iag/kit/orm';
import {
  threatProductCountries,
  threatProductEngagements,
  threatProductRevisions,
  threatProducts,
  threatProductSectors,
  type CisaSchema,
} from '../db/schema';
import { visibleProducts } from './product.visibility';
import type { ProductLinkTable } from './threat-product.pages';

export type ThreatProductRow = typeof threatProducts.$inferSelect;
export type ThreatProductRevisionRow = typeof threatProductRevisions.$inferSelect;
type Ctx = SubgraphContext<CisaSchema>;

/** Products by id; null for an unknown id and for a product the caller may not see. */
export function threatProductLoader(ctx: Ctx) {
  return ctx.loaders.get('threatProduct', () =>
    new DataLoader<string, ThreatProductRow | null>(async (ids) => {
      const rows = await ctx.db
        .select()
        .from(threatProducts)
        .where(and(inArray(threatProducts.id, [...ids]), visibleProducts(ctx)));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

export function threatProductByTrackingIdLoader(ctx: Ctx) {
  return ctx.loaders.get('threatProductByTrackingId', () =>
    new DataLoader<string, ThreatProductRow | null>(async (trackingIds) => {
      const rows = await ctx.db
        .select()
        .from(threatProducts)
        .where(and(inArray(threatProducts.trackingId, [...trackingIds]), visibleProducts(ctx)));
      return byKey(trackingIds, rows, (row) => row.trackingId);
    }),
  );
}

/** Every revision of each product, oldest first: the history is kept, never rewritten. */
export function revisionsByProductLoader(ctx: Ctx) {
  return ctx.loaders.get('threatProductRevisionsByProduct', () =>
    new DataLoader<string, ThreatProductRevisionRow[]>(async (productIds) => {
      const rows = await ctx.db
        .select()
        .from(threatProductRevisions)
        .where(inArray(threatProductRevisions.productId, [...productIds]))
        .orderBy(asc(threatProductRevisions.productId), asc(threatProductRevisions.revision));
      return groupByKey(productIds, rows, (row) => row.productId);
    }),
  );
}

// The keys a product links to (sector codes, country codes), for key-only stubs of other agencies'
// entities. Product ids come from rows the caller could already see, so no product rule applies.
function linkKeysByProduct(ctx: Ctx, name: string, link: ProductLinkTable) {
  return ctx.loaders.get(name, () =>
    new DataLoader<string, string[]>(async (productIds) => {
      const rows = await ctx.db
        .select()
        .from(link)
        .where(inArray(link.productId, [...productIds]))
        .orderBy(asc(link.key));
      return groupByKey(productIds, rows, (row) => row.productId).map((list) => list.map((row) => row.key));
    }),
  );
}

export const sectorCodesByProductLoader = (ctx: Ctx) =>
  linkKeysByProduct(ctx, 'sectorCodesByThreatProduct', threatProductSectors);

export const countryCodesByProductLoader = (ctx: Ctx) =>
  linkKeysByProduct(ctx, 'countryCodesByThreatProduct', threatProductCountries);

export const engagementIdsByProductLoader = (ctx: Ctx) =>
  linkKeysByProduct(ctx, 'engagementIdsByThreatProduct', threatProductEngagements);
