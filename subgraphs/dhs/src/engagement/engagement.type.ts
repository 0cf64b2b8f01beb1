import { ConnectionType, DateScalar } from '@iag/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EngagementKind {
  DIALOGUE = 'DIALOGUE',
  FORUM = 'FORUM',
  CAPACITY_BUILDING = 'CAPACITY_BUILDING',
  EXERCISE = 'EXERCISE',
  TECHNICAL_EXCHANGE = 'TECHNICAL_EXCHANGE',
  INCIDENT_COORDINATION = 'INCIDENT_COORDINATION',
}
registerEnumType(EngagementKind, { name: 'EngagementKind' });

export enum EngagementStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EngagementStatus, { name: 'EngagementStatus' });

export const STRATEGIC_GOAL_DESCRIPTION =
  'Goal of the international plan it serves: 1 bolster the resilience of foreign infrastructure the US ' +
  'depends on, 2 strengthen integrated cyber defense, 3 unify the coordination of international activities.';

@ObjectType({
  description:
    'An international engagement in the unified interagency register: who leads it, who takes part, where and when.',
})
@Directive('@key(fields: "id")')
export class Engagement {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => EngagementKind)
  kind!: EngagementKind;

  @Field(() => String, { description: 'US agency leading it, e.g. "CISA" or "STATE".' })
  leadAgency!: string;

  @Field(() => [String], { description: 'Other US agencies taking part.' })
  participatingAgencies!: string[];

  /** Null for a multilateral engagement; resolved as a `Country` stub. */
  countryCode!: string | null;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Null while no end is set.' })
  endsOn!: string | null;

  @Field(() => EngagementStatus)
  status!: EngagementStatus;

  @Field(() => Int, { description: STRATEGIC_GOAL_DESCRIPTION })
  strategicGoal!: number;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;
}

// Declared once: Country, Organization and Sector all page engagements with this one type.
export const EngagementConnection = ConnectionType(Engagement);
