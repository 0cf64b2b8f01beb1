import { buildFederatedSchema } from '@iag/kit';
import { infrastructureReferences, infrastructureResolvers } from './infrastructure';
import { threatIntelReferences, threatIntelResolvers } from './threat-intel';

/**
 * CISA's subgraph: critical functions, assets, dependencies, threat products and vulnerabilities;
 * adds fields to Country, Organization, Sector and Engagement.
 */
export function buildCisaSchema() {
  return buildFederatedSchema({
    audit: { subgraph: 'cisa', ownerAgency: 'CISA' },
    resolvers: [...infrastructureResolvers, ...threatIntelResolvers] as [Function, ...Function[]],
    references: { ...infrastructureReferences, ...threatIntelReferences },
  });
}
