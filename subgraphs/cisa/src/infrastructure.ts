// Infrastructure: national critical functions, assets, dependencies, and the fields they add to
// Country, Organization and Sector. Everything the schema and the seed need from this part.
import { AssetMutationResolver } from './asset/asset.mutation';
import { AssetResolver, resolveAssetReference } from './asset/asset.resolver';
import { CountryInfrastructureResolver } from './country/country-infrastructure.resolver';
import { DependencyMutationResolver } from './dependency/dependency.mutation';
import { DependencyResolver, resolveDependencyReference } from './dependency/dependency.resolver';
import { NationalCriticalFunctionResolver, resolveNcfReference } from './ncf/ncf.resolver';
import { OrganizationInfrastructureResolver } from './organization/organization-infrastructure.resolver';
import { SectorInfrastructureResolver } from './sector/sector-infrastructure.resolver';

export { seedInfrastructure } from './seed-infrastructure';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const infrastructureResolvers: Function[] = [
  NationalCriticalFunctionResolver,
  AssetResolver,
  AssetMutationResolver,
  DependencyResolver,
  DependencyMutationResolver,
  CountryInfrastructureResolver,
  OrganizationInfrastructureResolver,
  SectorInfrastructureResolver,
];

/** `__resolveReference` of the entities this half owns; keys that do not exist resolve to null. */
export const infrastructureReferences: Record<string, (ref: any, ctx: any) => unknown> = {
  NationalCriticalFunction: resolveNcfReference,
  Asset: resolveAssetReference,
  Dependency: resolveDependencyReference,
};
