import { PageArgs, type SubgraphContext } from '@iag/kit';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartnersSchema } from '../db/schema';
import { deliveryPagesByRecipientLoader } from '../delivery/delivery.loader';
import { DeliveryConnection } from '../delivery/delivery.type';
import {
  latestMaturityByOrganizationLoader,
  maturityHistoryByOrganizationLoader,
} from '../maturity-assessment/maturity-assessment.loader';
import { MaturityAssessment } from '../maturity-assessment/maturity-assessment.type';
import { MATURITY_READ } from '../maturity-assessment/maturity-assessment.visibility';
import { sightingPagesByOrganizationLoader } from '../sighting/sighting.loader';
import { SightingConnection } from '../sighting/sighting.type';
import { Organization } from './organization.type';

type Ctx = SubgraphContext<PartnersSchema>;

@Resolver(() => Organization)
export class OrganizationResolver {
  // The maturity fields refuse (null + FORBIDDEN) callers without maturity:read, so that a partner's
  // query of its own organization still gets the rest of the response; hence both are nullable.
  @Authorized(MATURITY_READ)
  @FieldResolver(() => MaturityAssessment, {
    nullable: true,
    description:
      'The latest maturity assessment (by assessment date); null if never assessed or if the caller may not see maturity.',
  })
  maturity(@Root() organization: Organization, @Ctx() ctx: Ctx) {
    return latestMaturityByOrganizationLoader(ctx).load(organization.id);
  }

  @Authorized(MATURITY_READ)
  @FieldResolver(() => [MaturityAssessment], {
    nullable: true,
    description: 'Every maturity assessment, newest first; null if the caller may not see maturity.',
  })
  maturityHistory(@Root() organization: Organization, @Ctx() ctx: Ctx) {
    return maturityHistoryByOrganizationLoader(ctx).load(organization.id);
  }

  // Deliveries and sightings only filter (visibleDeliveries / visibleSightings): another
  // organization's list is empty with totalCount 0, not an error.
  @FieldResolver(() => DeliveryConnection, { nullable: true, description: 'Threat products delivered to it, newest first.' })
  deliveries(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return deliveryPagesByRecipientLoader(ctx, args).load(organization.id);
  }

  @FieldResolver(() => SightingConnection, { nullable: true, description: 'Sightings it reported, most recent first.' })
  sightings(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return sightingPagesByOrganizationLoader(ctx, args).load(organization.id);
  }
}
