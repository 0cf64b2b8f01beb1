import { Field, ID, InputType, Int } from 'type-graphql';
import { Coupling, DependencyKind, Substitutability } from './dependency.type';

@InputType({ description: 'A new dependency of a US function or sector on a foreign asset.' })
export class CreateDependencyInput {
  @Field(() => ID)
  assetId!: string;

  @Field(() => String, { nullable: true, description: 'A national critical function code, if one is identified.' })
  functionCode?: string | null;

  @Field(() => String, { description: 'The dependent DHS sector code.' })
  sectorCode!: string;

  @Field(() => DependencyKind)
  kind!: DependencyKind;

  @Field(() => Coupling)
  coupling!: Coupling;

  @Field(() => Int, { description: '1 (minor) to 5 (severe).' })
  criticality!: number;

  @Field(() => Substitutability)
  substitutability!: Substitutability;

  @Field(() => String, { nullable: true })
  rationale?: string | null;
}

@InputType({ description: 'Changes to a dependency: fields left out stay as they are; the risk score is recomputed.' })
export class UpdateDependencyInput {
  @Field(() => String, { nullable: true, description: 'null clears the function.' })
  functionCode?: string | null;

  @Field(() => String, { nullable: true })
  sectorCode?: string | null;

  @Field(() => DependencyKind, { nullable: true })
  kind?: DependencyKind | null;

  @Field(() => Coupling, { nullable: true })
  coupling?: Coupling | null;

  @Field(() => Int, { nullable: true })
  criticality?: number | null;

  @Field(() => Substitutability, { nullable: true })
  substitutability?: Substitutability | null;

  @Field(() => String, { nullable: true })
  rationale?: string | null;
}
