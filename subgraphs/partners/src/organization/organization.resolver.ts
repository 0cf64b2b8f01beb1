import { PageArgs, type SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartnersSchema } from '../db/schema';
import { deliveryPagesByRecipientLoader } from '../delivery/delivery.loader';
import { DeliveryConnection } from '../delivery/delivery.type';
import {
  latestMaturityByOrganizationLoader,
  maturityHistoryByOrganizationLoader,
} from '../maturity-assessment/maturity-assessment.loader';
import { MaturityAssessment } from '../maturity-assessment/maturity-assessment.type';
import { sightingPagesByOrganizationLoader } from '../sighting/sighting.loader';
import { SightingConnection } from '../sighting/sighting.type';
import { Organization } from './organization.type';

type Ctx = SubgraphContext<PartnersSchema>;

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => MaturityAssessment, {
    nullable: true,
    description: 'The latest maturity assessment (by assessment date); null if never assessed.',
  })
  maturity(@Root() organization: Organization, @Ctx() ctx: Ctx) {
    return latestMaturityByOrganizationLoader(ctx).load(organization.id);
  }

  @FieldResolver(() => [MaturityAssessment], { description: 'Every maturity assessment, newest first.' })
  maturityHistory(@Root() organization: Organization, @Ctx() ctx: Ctx) {
    return maturityHistoryByOrganizationLoader(ctx).load(organization.id);
  }

  @FieldResolver(() => DeliveryConnection, { description: 'Threat products delivered to it, newest first.' })
  deliveries(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return deliveryPagesByRecipientLoader(ctx, args).load(organization.id);
  }

  @FieldResolver(() => SightingConnection, { description: 'Sightings it reported, most recent first.' })
  sightings(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return sightingPagesByOrganizationLoader(ctx, args).load(organization.id);
  }
}
