import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, eq, exists, type SQL } from '@iag/kit/orm';
import { assetSectors, assets, type CisaSchema } from '../db/schema';
import type { AssetsArgs } from './asset.args';

type Ctx = SubgraphContext<CisaSchema>;

/** The filtered list behind `assets`, by name. */
export async function listAssets(ctx: Ctx, args: AssetsArgs) {
  const page = toPage(args);
  const filters: (SQL | undefined)[] = [];
  if (args.country) filters.push(eq(assets.countryCode, args.country.toUpperCase()));
  if (args.kind) filters.push(eq(assets.kind, args.kind));
  if (args.operator) filters.push(eq(assets.operatorId, args.operator));
  if (args.sector) {
    const served = ctx.db
      .select({ one: assetSectors.assetId })
      .from(assetSectors)
      .where(and(eq(assetSectors.assetId, assets.id), eq(assetSectors.sectorCode, args.sector)));
    filters.push(exists(served));
  }
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(assets)
    .where(where)
    .orderBy(asc(assets.name), asc(assets.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(assets).where(where);
    return total;
  });
}
