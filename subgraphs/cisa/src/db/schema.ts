// CISA's drizzle schema, in two parts (infrastructure, threat intelligence) and the kit's audit and
// idempotency tables. drizzle-kit reads this file (drizzle.config.ts) and follows the re-exports.
import { auditLog, idempotencyKeys } from '@iag/kit/audit-table';
import { assetLinks, assetSectors, assets, dependencies, dependencyRiskHistory, nationalCriticalFunctions, operatorMaturity } from './infrastructure.schema';
import {
  disseminationOutbox,
  kevCatalogs,
  threatProductCountries,
  threatProductEngagements,
  threatProductRevisions,
  threatProductSectors,
  threatProductVulnerabilities,
  threatProducts,
  vulnerabilities,
  vulnerabilityAssets,
} from './threat-intel.schema';

export * from './infrastructure.schema';
export * from './threat-intel.schema';
export { auditLog, idempotencyKeys };

export const schema = {
  auditLog,
  idempotencyKeys,
  nationalCriticalFunctions,
  assets,
  assetSectors,
  dependencies,
  assetLinks,
  dependencyRiskHistory,
  operatorMaturity,
  vulnerabilities,
  kevCatalogs,
  vulnerabilityAssets,
  threatProducts,
  threatProductRevisions,
  threatProductCountries,
  threatProductSectors,
  threatProductVulnerabilities,
  threatProductEngagements,
  disseminationOutbox,
};
export type CisaSchema = typeof schema;

