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
import { asc, inArray } from '@iag/kit/orm';
import { assetSectors, assets, type CisaSchema } from '../db/schema';

export type AssetRow = typeof assets.$inferSelect;
type Ctx = SubgraphContext<CisaSchema>;

export function assetLoader(ctx: Ctx) {
  return ctx.loaders.get('asset', () =>
    new DataLoader<string, AssetRow | null>(async (ids) => {
      const rows = await ctx.db.select().from(assets).where(inArray(assets.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/** Sector codes each asset serves, in code order. */
export function sectorCodesByAssetLoader(ctx: Ctx) {
  return ctx.loaders.get('sectorCodesByAsset', () =>
    new DataLoader<string, string[]>(async (assetIds) => {
      const rows = await ctx.db
        .select()
        .from(assetSectors)
        .where(inArray(assetSectors.assetId, [...assetIds]))
        .orderBy(asc(assetSectors.sectorCode));
      return groupByKey(assetIds, rows, (row) => row.assetId).map((list) => list.map((row) => row.sectorCode));
    }),
  );
}

/** The assets each operator organization runs, by name. */
export function assetsByOperatorLoader(ctx: Ctx) {
  return ctx.loaders.get('assetsByOperator', () =>
    new DataLoader<string, AssetRow[]>(async (operatorIds) => {
      const rows = await ctx.db
        .select()
        .from(assets)
        .where(inArray(assets.operatorId, [...operatorIds]))
        .orderBy(asc(assets.name), asc(assets.id));
      return groupByKey(operatorIds, rows, (row) => row.operatorId!);
    }),
  );
}

/**
 * One page of assets per country, every country of the request in one statement. The page is part
 * of the loader's name: two selections with different arguments must not share a batch.
 */
export function assetPagesByCountryLoader(ctx: Ctx, args: PageArgs) {
  const page = toPage(args);
  return ctx.loaders.get(`assetsByCountry:${JSON.stringify(page)}`, () =>
    new DataLoader<string, Connection<AssetRow>>((codes) =>
      pagesByParent({
        db: ctx.db,
        table: assets,
        parent: assets.countryCode,
        parentKeys: codes,
        orderBy: [asc(assets.name), asc(assets.id)],
        page,
      }),
    ),
  );
}
