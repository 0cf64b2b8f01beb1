import { PageArgs, type SubgraphContext } from '@iag/kit';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AssetConnection } from '../asset/asset.connection';
import { assetPagesByCountryLoader } from '../asset/asset.loader';
import type { CisaSchema } from '../db/schema';
import { DependencyPageArgs } from '../dependency/dependency.args';
import { DependencyConnection } from '../dependency/dependency.connection';
import { dependencyPagesLoader } from '../dependency/dependency.loader';
import { Country } from './country.type';

type Ctx = SubgraphContext<CisaSchema>;

/**
 * What CISA's infrastructure data adds to State's `Country`. Both fields need dependencies:read and
 * are nullable, so a caller without it (a partner's country brief) gets null and a FORBIDDEN error
 * here while the rest of the country, from every subgraph, still arrives.
 */
@Resolver(() => Country)
export class CountryInfrastructureResolver {
  @Authorized('dependencies:read')
  @FieldResolver(() => AssetConnection, {
    nullable: true,
    description: 'Foreign assets in this country that the US depends on, by name.',
  })
  assets(@Root() country: Country, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return assetPagesByCountryLoader(ctx, args).load(country.code.toUpperCase());
  }

  @Authorized('dependencies:read')
  @FieldResolver(() => DependencyConnection, {
    nullable: true,
    description: 'Active US dependencies on assets in this country.',
  })
  dependencies(@Root() country: Country, @Args(() => DependencyPageArgs) args: DependencyPageArgs, @Ctx() ctx: Ctx) {
    return dependencyPagesLoader(ctx, 'country', args).load(country.code.toUpperCase());
  }
}
