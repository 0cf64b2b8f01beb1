import { buildFederatedSchema } from '@iag/kit';
import { AgreementMutationResolver } from './agreement/agreement.mutation';
import { AgreementResolver, resolveAgreementReference } from './agreement/agreement.resolver';
import { CountryResolver, resolveCountryReference } from './country/country.resolver';
import { EngagementResolver } from './engagement/engagement.resolver';
import { OrganizationMutationResolver } from './organization/organization.mutation';
import { OrganizationResolver, resolveOrganizationReference } from './organization/organization.resolver';

/** State's subgraph: countries, foreign organizations and agreements; adds `Engagement.agreement`. */
export function buildStateSchema() {
  return buildFederatedSchema({
    audit: { subgraph: 'state', ownerAgency: 'STATE' },
    resolvers: [
      CountryResolver,
      OrganizationResolver,
      OrganizationMutationResolver,
      AgreementResolver,
      AgreementMutationResolver,
      EngagementResolver,
    ],
    references: {
      Country: resolveCountryReference,
      Organization: resolveOrganizationReference,
      Agreement: resolveAgreementReference,
    },
  });
}
