import { NotFoundError, requireScope, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assetLoader } from '../asset/asset.loader';
import { Asset } from '../asset/asset.type';
import { Country } from '../country/country.type';
import type { CisaSchema } from '../db/schema';
import { ncfLoader } from '../ncf/ncf.loader';
import { NationalCriticalFunction } from '../ncf/ncf.type';
import { Sector } from '../sector/sector.type';
import { DependenciesArgs } from './dependency.args';
import { DependencyConnection } from './dependency.connection';
import { dependencyLoader } from './dependency.loader';
import { listDependencies } from './dependency.query';
import { Dependency } from './dependency.type';

type Ctx = SubgraphContext<CisaSchema>;

// Dependencies and their risk scores: US government with dependencies:read only, partners never.
const SCOPE = 'dependencies:read';

@Resolver(() => Dependency)
export class DependencyResolver {
  @Authorized(SCOPE)
  @Query(() => Dependency, { nullable: true })
  async dependency(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const row = await dependencyLoader(ctx).load(id);
    if (!row) throw new NotFoundError('Dependency', id);
    return row;
  }

  @Authorized(SCOPE)
  @Query(() => DependencyConnection, {
    description: 'Dependencies on foreign assets, highest risk first, filtered by country, sector, function or asset.',
  })
  dependencies(@Args(() => DependenciesArgs) args: DependenciesArgs, @Ctx() ctx: Ctx) {
    return listDependencies(ctx, args);
  }

  @FieldResolver(() => Asset, { description: 'The foreign asset depended on.' })
  async asset(@Root() dependency: Dependency, @Ctx() ctx: Ctx) {
    // The foreign key guarantees the row; a miss here would be a broken database, not a client error.
    return (await assetLoader(ctx).load(dependency.assetId))!;
  }

  @FieldResolver(() => NationalCriticalFunction, {
    nullable: true,
    description: 'The dependent function, when one is identified.',
  })
  function(@Root() dependency: Dependency, @Ctx() ctx: Ctx) {
    return dependency.functionCode ? ncfLoader(ctx).load(dependency.functionCode) : null;
  }

  @FieldResolver(() => Sector, { description: 'The dependent US sector.' })
  sector(@Root() dependency: Dependency): Sector {
    return { code: dependency.sectorCode };
  }

  @FieldResolver(() => Country, { description: "The asset's country." })
  country(@Root() dependency: Dependency): Country {
    return { code: dependency.countryCode };
  }
}

/**
 * `_entities` turns `{ id }` into a dependency; unknown ids resolve to null. `@Authorized` does not
 * reach this path, so it refuses here the way the root fields do.
 */
export const resolveDependencyReference = async (ref: { id: string }, ctx: Ctx) => {
  // Async on purpose: a synchronous throw would escape @apollo/subgraph's per-entity handling and
  // fail the whole `_entities` field, where a rejected promise fails only this one entity.
  requireScope(ctx.principal, SCOPE);
  return dependencyLoader(ctx).load(ref.id);
};
