import type { SubgraphContext } from '@iag/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { vulnerabilitiesByAssetLoader } from '../vulnerability/vulnerability-exposure.loader';
import { Vulnerability } from '../vulnerability/vulnerability.type';
import { Asset } from './asset.type';

/**
 * What the KEV catalog adds to `Asset`. No check of its own: an asset reaches a caller only through
 * fields that already require asset access (asset.access.ts), and the catalog itself is public.
 */
@Resolver(() => Asset)
export class AssetKevResolver {
  @FieldResolver(() => [Vulnerability], {
    description: 'Known exploited vulnerabilities of the technologies the asset runs, newest in the catalog first.',
  })
  knownExploitedVulnerabilities(@Root() asset: Asset, @Ctx() ctx: SubgraphContext<CisaSchema>) {
    return vulnerabilitiesByAssetLoader(ctx).load(asset.id);
  }
}
