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
import { sightings, type PartnersSchema } from '../db/schema';
import { visibleSightings } from './sighting.visibility';

export type SightingRow = typeof sightings.$inferSelect;
type Ctx = SubgraphContext<PartnersSchema>;

/** Sightings by id, for `sighting(id)` and `_entities`; null for unknown or invisible ids. */
export function sightingLoader(ctx: Ctx) {
  return ctx.loaders.get('sighting', () =>
    new DataLoader<string, SightingRow | null>(async (ids) => {
      const rows = await ctx.db
        .select()
        .from(sightings)
        .where(and(inArray(sightings.id, [...ids]), visibleSightings(ctx)));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/** All sightings of each product, in report order (`ThreatProduct.sightings`). */
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
