import { PageArgs, type SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Asset } from '../asset/asset.type';
import type { CisaSchema } from '../db/schema';
import { AssetLinkConnection } from './asset-link.connection';
import { assetLinkPagesLoader } from './asset-link.loader';

type Ctx = SubgraphContext<CisaSchema>;

/**
 * What links between assets add to `Asset`. No check of its own: an asset reaches a caller only
 * through fields that already require asset access (asset.access.ts).
 */
@Resolver(() => Asset)
export class AssetLinksResolver {
  @FieldResolver(() => AssetLinkConnection, {
    description: 'Active links to the assets this one depends on: tight couplings first, then by supplier name.',
  })
  dependsOn(@Root() asset: Asset, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return assetLinkPagesLoader(ctx, 'dependsOn', args).load(asset.id);
  }

  @FieldResolver(() => AssetLinkConnection, {
    description: 'Active links from the assets that depend on this one: tight couplings first, then by dependent name.',
  })
  dependents(@Root() asset: Asset, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return assetLinkPagesLoader(ctx, 'dependents', args).load(asset.id);
  }
}
