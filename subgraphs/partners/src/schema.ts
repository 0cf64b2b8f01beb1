import { buildFederatedSchema } from '@iag/kit';
import { DeliveryDisseminationResolver } from './delivery/delivery.dissemination';
import { DeliveryMutationResolver } from './delivery/delivery.mutation';
import { DeliveryResolver, resolveDeliveryReference } from './delivery/delivery.resolver';
import { MaturityAssessmentMutationResolver } from './maturity-assessment/maturity-assessment.mutation';
import {
  MaturityAssessmentResolver,
  resolveMaturityAssessmentReference,
} from './maturity-assessment/maturity-assessment.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { SightingMutationResolver } from './sighting/sighting.mutation';
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
      DeliveryMutationResolver,
      DeliveryDisseminationResolver,
      SightingMutationResolver,
      MaturityAssessmentMutationResolver,
    ],
    references: {
      Delivery: resolveDeliveryReference,
      Sighting: resolveSightingReference,
      MaturityAssessment: resolveMaturityAssessmentReference,
    },
  });
}
