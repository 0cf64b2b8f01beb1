// Threat intelligence: threat products (with revisions), KEV vulnerabilities, and the fields they
// add to Country, Sector, Engagement and Asset. Everything the schema and the seed need from this part.
import { AssetKevResolver } from './asset/asset-kev.resolver';
import { CountryThreatIntelResolver } from './country/country-threat-intel.resolver';
import { DisseminationStatusResolver } from './dissemination/dissemination-status.query';
import { EngagementThreatIntelResolver } from './engagement/engagement-threat-intel.resolver';
import { KevResolver } from './kev/kev.resolver';
import { SectorThreatIntelResolver } from './sector/sector-threat-intel.resolver';
import { StixCollectionResolver } from './stix-collection/stix-collection.resolver';
import { ThreatProductExportsResolver } from './threat-product/product-exports.resolver';
import { ThreatProductMutationResolver } from './threat-product/product.mutation';
import { ThreatProductResolver, resolveThreatProductReference } from './threat-product/threat-product.resolver';
import { VulnerabilityExposureResolver } from './vulnerability/vulnerability-exposure.resolver';
import { PendingDeliveriesResolver, PendingDeliveryProductResolver } from './dissemination/pending-deliveries.resolver';
import { VulnerabilityResolver, resolveVulnerabilityReference } from './vulnerability/vulnerability.resolver';

export { seedThreatIntel } from './seed-threat-intel';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const threatIntelResolvers: Function[] = [
  ThreatProductResolver,
  ThreatProductMutationResolver,
  ThreatProductExportsResolver,
  StixCollectionResolver,
  VulnerabilityResolver,
  VulnerabilityExposureResolver,
  AssetKevResolver,
  CountryThreatIntelResolver,
  SectorThreatIntelResolver,
  EngagementThreatIntelResolver,
  KevResolver,
  DisseminationStatusResolver,
  PendingDeliveriesResolver,
  PendingDeliveryProductResolver,
];

/** `__resolveReference` of the entities this part owns; Country, Sector and Engagement keys need no lookup. */
export const threatIntelReferences: Record<string, (ref: any, ctx: any) => unknown> = {
  ThreatProduct: resolveThreatProductReference,
  Vulnerability: resolveVulnerabilityReference,
};
