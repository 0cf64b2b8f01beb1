import { BadUserInputError, NotFoundError, type SubgraphContext } from '@iag/kit';
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ASSETS_SCOPE } from '../asset/asset.access';
import { assetLoader } from '../asset/asset.loader';
import { Asset } from '../asset/asset.type';
import type { CisaSchema } from '../db/schema';
import { ImpactArgs, MAX_IMPACT_DEPTH } from './impact.args';
import { computeImpact } from './impact.query';
import { Impact } from './impact.type';

type Ctx = SubgraphContext<CisaSchema>;

@Resolver(() => Impact)
export class ImpactResolver {
  // Which assets fail together is asset data: the same rule as the assets themselves.
  @Authorized(ASSETS_SCOPE)
  @Query(() => Impact, {
    description:
      'What fails with an asset: the assets depending on it through active links up to `maxDepth` links away, and the critical functions, sectors and countries hit.',
  })
  async impact(@Args(() => ImpactArgs) { assetId, maxDepth }: ImpactArgs, @Ctx() ctx: Ctx): Promise<Impact> {
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_IMPACT_DEPTH) {
      throw new BadUserInputError(`\`maxDepth\` must be between 1 and ${MAX_IMPACT_DEPTH}`, 'maxDepth');
    }
    // Through the loader: `Impact.asset` then costs nothing more.
    if (!(await assetLoader(ctx).load(assetId))) throw new NotFoundError('Asset', assetId);
    return computeImpact(ctx.db, assetId, maxDepth);
  }

  @FieldResolver(() => Asset, { description: 'The asset assumed to fail.' })
  async asset(@Root() impact: Impact, @Ctx() ctx: Ctx) {
    return (await assetLoader(ctx).load(impact.assetId))!;
  }
}
