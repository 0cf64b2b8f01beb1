// Infrastructure: national critical functions, assets, dependencies, and the fields they add to
// Country, Organization and Sector. Everything the schema and the seed need from this part.
import { AssetMutationResolver } from './asset/asset.mutation';
import { AssetResolver, resolveAssetReference } from './asset/asset.resolver';
import { AssetLinkMutationResolver } from './asset-link/asset-link.mutation';
import { AssetLinkResolver } from './asset-link/asset-link.resolver';
import { AssetLinksResolver } from './asset-link/asset-links.resolver';
import { CountryInfrastructureResolver } from './country/country-infrastructure.resolver';
import { DependencyMutationResolver } from './dependency/dependency.mutation';
import { DependencyResolver, resolveDependencyReference } from './dependency/dependency.resolver';
import {
  ImpactedAssetResolver,
  ImpactedCountryResolver,
  ImpactedFunctionResolver,
  ImpactedSectorResolver,
} from './impact/impact-fields.resolver';
import { ImpactResolver } from './impact/impact.resolver';
import { NationalCriticalFunctionResolver, resolveNcfReference } from './ncf/ncf.resolver';
import { OrganizationInfrastructureResolver } from './organization/organization-infrastructure.resolver';
import { RiskMutationResolver } from './risk/risk.mutation';
import { RiskQueryResolver } from './risk/risk.query';
import { DependencyRiskResolver } from './risk/risk.resolver';
import { SectorInfrastructureResolver } from './sector/sector-infrastructure.resolver';

export { seedInfrastructure } from './seed-infrastructure';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const infrastructureResolvers: Function[] = [
  NationalCriticalFunctionResolver,
  AssetResolver,
  AssetMutationResolver,
  DependencyResolver,
  DependencyMutationResolver,
  DependencyRiskResolver,
  RiskQueryResolver,
  RiskMutationResolver,
  CountryInfrastructureResolver,
  OrganizationInfrastructureResolver,
  SectorInfrastructureResolver,
  AssetLinkResolver,
  AssetLinkMutationResolver,
  AssetLinksResolver,
  ImpactResolver,
  ImpactedAssetResolver,
  ImpactedFunctionResolver,
  ImpactedSectorResolver,
  ImpactedCountryResolver,
];

/** `__resolveReference` of the entities this half owns; keys that do not exist resolve to null. */
export const infrastructureReferences: Record<string, (ref: any, ctx: any) => unknown> = {
  NationalCriticalFunction: resolveNcfReference,
  Asset: resolveAssetReference,
  Dependency: resolveDependencyReference,
};
