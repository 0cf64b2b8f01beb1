import { NotFoundError, PageArgs, requireScope, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Country } from '../country/country.type';
import type { CisaSchema } from '../db/schema';
import { DependencyConnection } from '../dependency/dependency.connection';
import { dependencyPagesLoader } from '../dependency/dependency.loader';
import { Organization } from '../organization/organization.type';
import { Sector } from '../sector/sector.type';
import { ASSETS_SCOPE } from './asset.access';
import { AssetsArgs } from './asset.args';
import { AssetConnection } from './asset.connection';
import { assetLoader, sectorCodesByAssetLoader } from './asset.loader';
import { listAssets } from './asset.query';
import { Asset } from './asset.type';

type Ctx = SubgraphContext<CisaSchema>;

// Assets reveal what the US depends on abroad: see asset.access.ts.
const SCOPE = ASSETS_SCOPE;

@Resolver(() => Asset)
export class AssetResolver {
  @Authorized(SCOPE)
  @Query(() => Asset, { nullable: true })
  async asset(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const row = await assetLoader(ctx).load(id);
    if (!row) throw new NotFoundError('Asset', id);
    return row;
  }

  @Authorized(SCOPE)
  @Query(() => AssetConnection, {
    description: 'Foreign assets by name, filtered by country, sector, kind or operator.',
  })
  assets(@Args(() => AssetsArgs) args: AssetsArgs, @Ctx() ctx: Ctx) {
    return listAssets(ctx, args);
  }

  @FieldResolver(() => Country)
  country(@Root() asset: Asset): Country {
    return { code: asset.countryCode };
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization operating the asset, if known.' })
  operator(@Root() asset: Asset): Organization | null {
    return asset.operatorId ? { id: asset.operatorId } : null;
  }

  @FieldResolver(() => [Sector], { description: 'The sectors the asset serves.' })
  async sectors(@Root() asset: Asset, @Ctx() ctx: Ctx): Promise<Sector[]> {
    const codes = await sectorCodesByAssetLoader(ctx).load(asset.id);
    return codes.map((code) => ({ code }));
  }

  @FieldResolver(() => DependencyConnection, { description: 'Active dependencies on this asset, highest risk first.' })
  dependencies(@Root() asset: Asset, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return dependencyPagesLoader(ctx, 'asset', args).load(asset.id);
  }
}

/**
 * `_entities` turns `{ id }` into an asset; unknown ids resolve to null. `@Authorized` does not reach
 * this path, so it refuses here the way the root fields do (FORBIDDEN, or UNAUTHENTICATED if anonymous).
 */
export const resolveAssetReference = async (ref: { id: string }, ctx: Ctx) => {
  // Async on purpose: a synchronous throw would escape @apollo/subgraph's per-entity handling and
  // fail the whole `_entities` field, where a rejected promise fails only this one entity.
  requireScope(ctx.principal, SCOPE);
  return assetLoader(ctx).load(ref.id);
};
