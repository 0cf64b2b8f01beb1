import { buildFederatedSchema } from '@iag/kit';
import { CountryResolver } from './country/country.resolver';
import { EngagementMutationResolver } from './engagement/engagement.mutation';
import { EngagementResolver, resolveEngagementReference } from './engagement/engagement.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { SectorResolver, resolveSectorReference } from './sector/sector.resolver';

/** DHS's subgraph: sectors and engagements; adds `engagements` to Country and Organization. */
export function buildDhsSchema() {
  return buildFederatedSchema({
    audit: { subgraph: 'dhs', ownerAgency: 'DHS' },
    resolvers: [SectorResolver, EngagementResolver, EngagementMutationResolver, CountryResolver, OrganizationResolver],
    references: {
      Sector: resolveSectorReference,
      Engagement: resolveEngagementReference,
    },
  });
}
