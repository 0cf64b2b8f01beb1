import type { SubgraphContext } from '@iag/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assetLoader } from '../asset/asset.loader';
import { Asset } from '../asset/asset.type';
import type { CisaSchema } from '../db/schema';
import { AssetLink } from './asset-link.type';

type Ctx = SubgraphContext<CisaSchema>;

// No check of its own: a link is reached only from an asset, which already required asset access.
@Resolver(() => AssetLink)
export class AssetLinkResolver {
  @FieldResolver(() => Asset, { description: 'The dependent asset, hit when `dependsOn` fails.' })
  async asset(@Root() link: AssetLink, @Ctx() ctx: Ctx) {
    // The foreign key guarantees the row; a miss here would be a broken database, not a client error.
    return (await assetLoader(ctx).load(link.assetId))!;
  }

  @FieldResolver(() => Asset, { description: 'The supplier asset that `asset` depends on.' })
  async dependsOn(@Root() link: AssetLink, @Ctx() ctx: Ctx) {
    return (await assetLoader(ctx).load(link.dependsOnAssetId))!;
  }
}
