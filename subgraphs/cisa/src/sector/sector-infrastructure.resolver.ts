import type { SubgraphContext } from '@iag/kit';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { DependencyPageArgs } from '../dependency/dependency.args';
import { DependencyConnection } from '../dependency/dependency.connection';
import { dependencyPagesLoader } from '../dependency/dependency.loader';
import { Sector } from './sector.type';

/**
 * What CISA's infrastructure data adds to DHS's `Sector`: needs dependencies:read, and is nullable
 * so that refusing it leaves the rest of the sector intact.
 */
@Resolver(() => Sector)
export class SectorInfrastructureResolver {
  @Authorized('dependencies:read')
  @FieldResolver(() => DependencyConnection, {
    nullable: true,
    description: 'Active dependencies of this sector on foreign assets.',
  })
  dependencies(
    @Root() sector: Sector,
    @Args(() => DependencyPageArgs) args: DependencyPageArgs,
    @Ctx() ctx: SubgraphContext<CisaSchema>,
  ) {
    return dependencyPagesLoader(ctx, 'sector', args).load(sector.code);
  }
}
