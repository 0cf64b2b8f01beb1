import { DateScalar } from '@iag/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AssessmentMethod, MAX_LEVEL, MIN_LEVEL } from './maturity-assessment.type';

/** The limits `recordMaturityAssessment` checks; the database checks only the level range. */
export const ASSESSMENT_LIMITS = {
  /** The shape of a State Organization id. */
  organizationId: /^[a-z0-9][a-z0-9._:-]{0,127}$/,
  framework: 200,
  notes: 4000,
} as const;

@InputType({ description: "An organization's security maturity as assessed on a date." })
export class RecordMaturityAssessmentInput {
  @Field(() => ID, { description: 'The State Organization assessed.' })
  organizationId!: string;

  @Field(() => Int, { description: `${MIN_LEVEL} (initial) to ${MAX_LEVEL} (optimizing).` })
  level!: number;

  @Field(() => DateScalar, { description: 'When it was assessed; not in the future.' })
  assessedOn!: string;

  @Field(() => AssessmentMethod)
  method!: AssessmentMethod;

  @Field(() => String, {
    nullable: true,
    description: `The model assessed against, e.g. "NIST CSF 2.0", 1 to ${ASSESSMENT_LIMITS.framework} characters.`,
  })
  framework?: string | null;

  @Field(() => String, { nullable: true, description: `At most ${ASSESSMENT_LIMITS.notes} characters.` })
  notes?: string | null;
}
