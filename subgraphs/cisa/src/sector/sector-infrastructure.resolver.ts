import type { SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { DependencyPageArgs } from '../dependency/dependency.args';
import { DependencyConnection } from '../dependency/dependency.connection';
import { dependencyPagesLoader } from '../dependency/dependency.loader';
import { Sector } from './sector.type';

/** What CISA's infrastructure data adds to DHS's `Sector`. */
@Resolver(() => Sector)
export class SectorInfrastructureResolver {
  @FieldResolver(() => DependencyConnection, { description: 'Active dependencies of this sector on foreign assets.' })
  dependencies(
    @Root() sector: Sector,
    @Args(() => DependencyPageArgs) args: DependencyPageArgs,
    @Ctx() ctx: SubgraphContext<CisaSchema>,
  ) {
    return dependencyPagesLoader(ctx, 'sector', args).load(sector.code);
  }
}
