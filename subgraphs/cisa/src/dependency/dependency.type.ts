import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DependencyKind {
  PHYSICAL = 'PHYSICAL',
  CYBER = 'CYBER',
  GEOGRAPHIC = 'GEOGRAPHIC',
  LOGICAL = 'LOGICAL',
}
registerEnumType(DependencyKind, {
  name: 'DependencyKind',
  description: 'How the dependency works (Rinaldi, Peerenboom and Kelly, 2001).',
  valuesConfig: {
    PHYSICAL: { description: 'Material output of the asset is an input of the function.' },
    CYBER: { description: 'The function relies on information carried or processed by the asset.' },
    GEOGRAPHIC: { description: 'A local event at the asset would also hit the function.' },
    LOGICAL: { description: 'Linked through markets, contracts or policy rather than material flows.' },
  },
});

export enum Coupling {
  TIGHT = 'TIGHT',
  LOOSE = 'LOOSE',
}
registerEnumType(Coupling, {
  name: 'Coupling',
  description: 'TIGHT: a failure propagates within hours; LOOSE: buffers absorb it.',
});

export enum Substitutability {
  NONE = 'NONE',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(Substitutability, {
  name: 'Substitutability',
  description: 'How readily another asset can take over.',
});

export enum Priority {
  CRITICAL = 'CRITICAL',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(Priority, { name: 'Priority', description: 'Derived from the risk score.' });

export enum DependencyStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(DependencyStatus, { name: 'DependencyStatus' });

@ObjectType({
  description: 'A US critical function or sector depending on a foreign asset, assessed and prioritised.',
})
@Directive('@key(fields: "id")')
export class Dependency {
  @Field(() => ID)
  id!: string;

  @Field(() => DependencyKind)
  kind!: DependencyKind;

  @Field(() => Coupling)
  coupling!: Coupling;

  @Field(() => Int, { description: 'Impact on the US function if the asset fails, 1 (minor) to 5 (severe).' })
  criticality!: number;

  @Field(() => Substitutability)
  substitutability!: Substitutability;

  @Field(() => Float, { description: '0-100: the sum of riskFactors, as of riskAssessedAt (docs/risk.md).' })
  riskScore!: number;

  @Field(() => Priority)
  priority!: Priority;

  @Field(() => DependencyStatus)
  status!: DependencyStatus;

  @Field(() => String, { nullable: true })
  rationale!: string | null;

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;

  /** Keys of the related entities; the resolver turns them into objects or stubs. */
  assetId!: string;
  functionCode!: string | null;
  sectorCode!: string;
  countryCode!: string;
}
