import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { asc, getTableColumns, inArray, sql } from '@iag/kit/orm';
import {
  threatProductCountries,
  threatProductEngagements,
  threatProductRevisions,
  threatProducts,
  threatProductSectors,
  type CisaSchema,
} from '../db/schema';
import { auditProductReads } from './product.audit';
import { visibleProducts } from './product.visibility';
import type { ProductLinkTable } from './threat-product.pages';

export type ThreatProductRow = typeof threatProducts.$inferSelect;
export type ThreatProductRevisionRow = typeof threatProductRevisions.$inferSelect;
type Ctx = SubgraphContext<CisaSchema>;

/** A product found by key, with whether the caller may see it (the row rule, evaluated in SQL). */
export type ThreatProductLookup = { row: ThreatProductRow; visible: boolean };

// The product columns plus `visible`: the same predicate the lists filter by, selected rather than
// filtered on, so single-object paths can answer "hidden" (FORBIDDEN) apart from "missing" (null or
// NOT_FOUND) without a second copy of the rule. No rule for the caller reads as "visible".
function lookupColumns(ctx: Ctx) {
  return {
    ...getTableColumns(threatProducts),
    visible: sql<boolean>`coalesce(${visibleProducts(ctx) ?? sql`true`}, false)`,
  };
}

// Splits the selected rows into lookups and notes the visible AMBER/RED ones as read: these are
// exactly what the root fields and `_entities` hand back (hidden ones become errors instead).
function toLookups(ctx: Ctx, rows: (ThreatProductRow & { visible: boolean })[]): ThreatProductLookup[] {
  const lookups = rows.map(({ visible, ...row }) => ({ row, visible: Boolean(visible) }));
  auditProductReads(ctx, lookups.filter((l) => l.visible).map((l) => l.row));
  return lookups;
}

/** Products by id, hidden ones included but marked; null for an unknown id. */
export function threatProductLoader(ctx: Ctx) {
  return ctx.loaders.get('threatProduct', () =>
    new DataLoader<string, ThreatProductLookup | null>(async (ids) => {
      const rows = await ctx.db
        .select(lookupColumns(ctx))
        .from(threatProducts)
        .where(inArray(threatProducts.id, [...ids]));
      return byKey(ids, toLookups(ctx, rows), (l) => l.row.id);
    }),
  );
}

/** Products by tracking id, hidden ones included but marked; null for an unknown tracking id. */
export function threatProductByTrackingIdLoader(ctx: Ctx) {
  return ctx.loaders.get('threatProductByTrackingId', () =>
    new DataLoader<string, ThreatProductLookup | null>(async (trackingIds) => {
      const rows = await ctx.db
        .select(lookupColumns(ctx))
        .from(threatProducts)
        .where(inArray(threatProducts.trackingId, [...trackingIds]));
      return byKey(trackingIds, toLookups(ctx, rows), (l) => l.row.trackingId);
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
