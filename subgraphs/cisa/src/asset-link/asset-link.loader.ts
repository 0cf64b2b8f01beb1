import { DataLoader, pagesByParent, toPage, type Connection, type PageArgs, type SubgraphContext } from '@iag/kit';
import { asc, eq } from '@iag/kit/orm';
import { assetLinks, assets, type CisaSchema } from '../db/schema';

export type AssetLinkRow = typeof assetLinks.$inferSelect;
type Ctx = SubgraphContext<CisaSchema>;

/**
 * The two ways to read a link from an asset: `dependsOn` lists its suppliers (the asset is the
 * dependent), `dependents` the assets leaning on it (the asset is the supplier). `parent` holds the
 * asset the list hangs on, `other` the asset each link leads to, whose name orders the page.
 */
const sides = {
  dependsOn: { parent: assetLinks.assetId, other: assetLinks.dependsOnAssetId },
  dependents: { parent: assetLinks.dependsOnAssetId, other: assetLinks.assetId },
};
export type AssetLinkSide = keyof typeof sides;

/**
 * One page of active links for each asset of the request, in one statement. Tight couplings first
 * (the `coupling` enum is declared TIGHT, LOOSE, and PostgreSQL sorts enums in declaration order),
 * then by the other asset's name; the link id last makes the order total for offset cursors.
 */
export function assetLinkPagesLoader(ctx: Ctx, side: AssetLinkSide, args: PageArgs) {
  const page = toPage(args);
  const { parent, other } = sides[side];
  return ctx.loaders.get(`assetLinks:${side}:${JSON.stringify(page)}`, () =>
    new DataLoader<string, Connection<AssetLinkRow>>((assetIds) =>
      pagesByParent({
        db: ctx.db,
        table: assetLinks,
        parent,
        // The other asset joins in only to sort by its name.
        link: { table: assets, on: eq(assets.id, other) },
        parentKeys: assetIds,
        where: eq(assetLinks.status, 'ACTIVE'),
        orderBy: [asc(assetLinks.coupling), asc(assets.name), asc(assets.id), asc(assetLinks.id)],
        page,
      }),
    ),
  );
}
