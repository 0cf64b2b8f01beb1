import { ConnectionType } from '@iag/kit';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Dependency, Priority } from '../dependency/dependency.type';
import { RiskFactorKind } from './risk.weights';

export { RiskFactorKind };
registerEnumType(RiskFactorKind, {
  name: 'RiskFactorKind',
  description: 'A part of the risk score (docs/risk.md).',
  valuesConfig: {
    CRITICALITY: { description: 'Impact on the US function if the asset fails (criticality / 5).' },
    SUBSTITUTABILITY: { description: 'How little another asset can take over.' },
    COUPLING: { description: 'How fast a failure propagates.' },
    SINGLE_POINT_OF_FAILURE: { description: 'Other assets that fail with this one through tight links.' },
    KEV_EXPOSURE: { description: 'Known Exploited Vulnerabilities on the asset.' },
    RECENT_THREATS: { description: 'Threat products published in the last 90 days on the sector and country.' },
    OPERATOR_MATURITY: { description: "The operator's security maturity, as Partners reports it." },
  },
});

@ObjectType({ description: "One factor's part of a risk score: contribution = weight x value, rounded to 0.1." })
export class RiskFactor {
  @Field(() => RiskFactorKind)
  factor!: RiskFactorKind;

  @Field(() => Float, { description: 'Points the factor adds at most; the weights add up to 100.' })
  weight!: number;

  @Field(() => Float, { description: '0 to 1.' })
  value!: number;

  @Field(() => Float, { description: 'Points it adds to the score; the contributions add up to the score.' })
  contribution!: number;

  @Field(() => String, { description: 'Where the value comes from, in words.' })
  detail!: string;
}

@ObjectType({ description: 'A dependency as one assessment scored it.' })
export class RiskAssessment {
  @Field(() => Date)
  assessedAt!: Date;

  @Field(() => Float)
  riskScore!: number;

  @Field(() => Priority)
  priority!: Priority;

  @Field(() => String, { description: 'What started the assessment: created, updated or reassessed.' })
  cause!: string;

  @Field(() => [RiskFactor])
  factors!: RiskFactor[];
}
export const RiskAssessmentConnection = ConnectionType(RiskAssessment);

@ObjectType({ description: 'What `reassessRisk` did.' })
export class RiskReassessment {
  @Field(() => Int, { description: 'Active dependencies scored.' })
  assessed!: number;

  @Field(() => Int, { description: 'Of those, how many changed score or factors (each has a new history row).' })
  changed!: number;

  @Field(() => Int, { description: 'Operators whose maturity was fetched from Partners; 0 when the stored copy was used.' })
  maturityRefreshed!: number;

  @Field(() => String, { description: 'Where maturity came from: `partners`, or `stored copy: <why Partners was not used>`.' })
  maturitySource!: string;

  @Field(() => Date)
  assessedAt!: Date;
}

@ObjectType({ description: "A factor whose contribution moved." })
export class RiskFactorChange {
  @Field(() => RiskFactorKind)
  factor!: RiskFactorKind;

  @Field(() => Float, { nullable: true, description: 'Null when the dependency did not exist yet.' })
  contributionThen!: number | null;

  @Field(() => Float)
  contributionNow!: number;

  @Field(() => Float)
  change!: number;
}

@ObjectType({ description: "How a dependency's score moved since a date." })
export class RiskMovement {
  @Field(() => Dependency)
  dependency!: Dependency;

  @Field(() => Float, { nullable: true, description: 'The score at the date; null when the dependency did not exist yet.' })
  scoreThen!: number | null;

  @Field(() => Float)
  scoreNow!: number;

  @Field(() => Float, { description: 'scoreNow - scoreThen (scoreNow when it did not exist yet).' })
  change!: number;

  @Field(() => Priority, { nullable: true })
  priorityThen!: Priority | null;

  @Field(() => Priority)
  priorityNow!: Priority;

  @Field(() => [RiskFactorChange], { description: 'Only the factors that moved.' })
  factorChanges!: RiskFactorChange[];
}
export const RiskMovementConnection = ConnectionType(RiskMovement);
