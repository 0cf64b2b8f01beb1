import { buildFederatedSchema } from '@iag/kit';
import { DeliveryResolver, resolveDeliveryReference } from './delivery/delivery.resolver';
import {
  MaturityAssessmentResolver,
  resolveMaturityAssessmentReference,
} from './maturity-assessment/maturity-assessment.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { SightingResolver, resolveSightingReference } from './sighting/sighting.resolver';
import { ThreatProductResolver } from './threat-product/threat-product.resolver';

/**
 * Partners' subgraph: deliveries, sightings and maturity assessments; adds them to `Organization`
 * (State's) and `ThreatProduct` (CISA's), whose references resolve to their key alone here.
 */
export function buildPartnersSchema() {
  return buildFederatedSchema({
    audit: { subgraph: 'partners', ownerAgency: 'CISA' },
    resolvers: [
      DeliveryResolver,
      SightingResolver,
      MaturityAssessmentResolver,
      OrganizationResolver,
      ThreatProductResolver,
    ],
    references: {
      Delivery: resolveDeliveryReference,
      Sighting: resolveSightingReference,
      MaturityAssessment: resolveMaturityAssessmentReference,
    },
  });
}
