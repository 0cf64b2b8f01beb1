import { DateScalar } from '@iag/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EngagementKind, EngagementStatus, STRATEGIC_GOAL_DESCRIPTION } from './engagement.type';

/** What `createEngagement` takes. Every field is checked by `engagement.validation.ts`. */
@InputType({ description: 'A new engagement for the register.' })
export class CreateEngagementInput {
  @Field(() => String, { description: '1 to 300 characters.' })
  title!: string;

  @Field(() => EngagementKind)
  kind!: EngagementKind;

  @Field(() => String, { description: 'US agency code leading it, e.g. "CISA".' })
  leadAgency!: string;

  @Field(() => [String], { defaultValue: [], description: 'Up to 20 other US agency codes.' })
  participatingAgencies!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'Up to 50 State Organization ids.' })
  partnerOrganizationIds!: string[];

  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code; null for a multilateral engagement.' })
  country?: string | null;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Not before startsOn; null while no end is set.' })
  endsOn?: string | null;

  @Field(() => EngagementStatus, { defaultValue: EngagementStatus.PLANNED })
  status!: EngagementStatus;

  @Field(() => Int, { description: STRATEGIC_GOAL_DESCRIPTION })
  strategicGoal!: number;

  @Field(() => [ID], { defaultValue: [], description: 'Codes of the sectors it concerns.' })
  sectorCodes!: string[];

  @Field(() => String, { nullable: true, description: 'At most 4000 characters.' })
  summary?: string | null;
}

/**
 * What `updateEngagement` takes: absent fields stay as they are; `country`, `endsOn` and `summary`
 * are cleared by an explicit null; partners and sectors are replaced as a whole when given.
 */
@InputType({ description: 'Changes to an engagement; absent fields are left as they are.' })
export class UpdateEngagementInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => EngagementKind, { nullable: true })
  kind?: EngagementKind | null;

  @Field(() => String, { nullable: true })
  leadAgency?: string | null;

  @Field(() => [String], { nullable: true })
  participatingAgencies?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces all partner organizations when given.' })
  partnerOrganizationIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Null clears it (multilateral).' })
  country?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Null clears it (open-ended).' })
  endsOn?: string | null;

  @Field(() => EngagementStatus, { nullable: true })
  status?: EngagementStatus | null;

  @Field(() => Int, { nullable: true, description: STRATEGIC_GOAL_DESCRIPTION })
  strategicGoal?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces all sectors when given.' })
  sectorCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  summary?: string | null;
}
