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
import { sightings, type PartnersSchema } from '../db/schema';
import { visibleSightings } from './sighting.visibility';

export type SightingRow = typeof sightings.$inferSelect;
type Ctx = SubgraphContext<PartnersSchema>;

/**
 * Sightings by id, for `sighting(id)` and `_entities`, each with `visible`: the visibility rule
 * selected as a column rather than filtered on, so that a hidden sighting (FORBIDDEN) can be told
 * from a missing one (NOT_FOUND / null). Null for unknown ids. Use `loadSighting`, which refuses.
 */
export function sightingLoader(ctx: Ctx) {
  return ctx.loaders.get('sighting', () =>
    new DataLoader<string, Lookup<SightingRow> | null>(async (ids) => {
      const rows = await ctx.db
        .select({ ...getTableColumns(sightings), visible: sql<boolean>`(${visibleSightings(ctx)})` })
        .from(sightings)
        .where(inArray(sightings.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/** One sighting by id for the caller: null if unknown; throws FORBIDDEN / UNAUTHENTICATED if hidden. */
export async function loadSighting(ctx: Ctx, id: string): Promise<SightingRow | null> {
  return admitted(ctx.principal, 'Sighting', await sightingLoader(ctx).load(id));
}

/** All sightings of each product the caller may see, in report order (`ThreatProduct.sightings`). */
export function sightingsByProductLoader(ctx: Ctx) {
  return ctx.loaders.get('sightingsByProduct', () =>
    new DataLoader<string, SightingRow[]>(async (productIds) => {
      const rows = await ctx.db
        .select()
        .from(sightings)
        .where(and(inArray(sightings.productId, [...productIds]), visibleSightings(ctx)))
        .orderBy(asc(sightings.reportedAt), asc(sightings.id));
      return groupByKey(productIds, rows, (row) => row.productId);
    }),
  );
}

/**
 * One page of sightings per reporting organization, newest first (`Organization.sightings`). A
 * loader per page request: parents asking for the same page share one statement.
 */
export function sightingPagesByOrganizationLoader(ctx: Ctx, args: PageArgs) {
  const page = toPage(args);
  return ctx.loaders.get(`sightingPagesByOrganization:${page.offset}:${page.limit}`, () =>
    new DataLoader<string, Connection<SightingRow>>((organizationIds) =>
      pagesByParent({
        db: ctx.db,
        table: sightings,
        parent: sightings.organizationId,
        parentKeys: organizationIds,
        where: visibleSightings(ctx),
        orderBy: [desc(sightings.reportedAt), asc(sightings.id)],
        page,
      }),
    ),
  );
}
