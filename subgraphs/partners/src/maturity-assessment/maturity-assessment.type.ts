import { ConnectionType, DateScalar } from '@iag/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AssessmentMethod {
  SELF_ASSESSMENT = 'SELF_ASSESSMENT',
  PEER_REVIEW = 'PEER_REVIEW',
  CISA_ASSESSMENT = 'CISA_ASSESSMENT',
  THIRD_PARTY_AUDIT = 'THIRD_PARTY_AUDIT',
}
registerEnumType(AssessmentMethod, {
  name: 'AssessmentMethod',
  description: 'Who assessed, and how.',
  valuesConfig: {
    SELF_ASSESSMENT: { description: 'The organization assessed itself.' },
    PEER_REVIEW: { description: 'Peers assessed it, e.g. other CSIRTs under a peer-review scheme.' },
    CISA_ASSESSMENT: { description: 'CISA assessed it, typically during a capacity-building engagement.' },
    THIRD_PARTY_AUDIT: { description: 'An independent auditor assessed it, e.g. for a certification.' },
  },
});

/** The lowest and highest maturity levels; the database checks the same range. */
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;

@ObjectType({ description: "An organization's security maturity at a date, level 1 (initial) to 5 (optimizing)." })
@Directive('@key(fields: "id")')
export class MaturityAssessment {
  @Field(() => ID)
  id!: string;

  /** A State Organization id; `organization` turns it into a reference. */
  organizationId!: string;

  @Field(() => Int, { description: `${MIN_LEVEL} (initial) to ${MAX_LEVEL} (optimizing).` })
  level!: number;

  @Field(() => DateScalar)
  assessedOn!: string;

  @Field(() => AssessmentMethod)
  method!: AssessmentMethod;

  @Field(() => String, { nullable: true, description: 'The model assessed against, e.g. "NIST CSF 2.0" or "SIM3 v2".' })
  framework!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;
}

export const MaturityAssessmentConnection = ConnectionType(MaturityAssessment);
