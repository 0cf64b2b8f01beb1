import { Field, ObjectType } from 'type-graphql';
import { Engagement } from './engagement.type';

/** What every engagement mutation returns: the engagement as it now is, and what it may clash with. */
@ObjectType({ description: 'An engagement after a change, with the engagements it may need deconflicting with.' })
export class EngagementChange {
  @Field(() => Engagement)
  engagement!: Engagement;

  @Field(() => [Engagement], {
    description:
      'Engagements led by other agencies, not cancelled, in the same country or with a shared partner ' +
      'organization, whose dates overlap. Filled after a create or a change of dates, country or partners; ' +
      'empty otherwise. Advisory: it never blocks the change.',
  })
  overlapping!: Engagement[];
}
