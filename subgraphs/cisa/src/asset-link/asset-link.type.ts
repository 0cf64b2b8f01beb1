import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Coupling, DependencyKind, DependencyStatus } from '../dependency/dependency.type';

// Not an entity (no @key): a link is only ever reached from one of its two assets.
@ObjectType({
  description: 'One foreign asset depending on another: when `dependsOn` fails, `asset` is hit, at once if TIGHT.',
})
export class AssetLink {
  @Field(() => ID)
  id!: string;

  @Field(() => DependencyKind)
  kind!: DependencyKind;

  @Field(() => Coupling)
  coupling!: Coupling;

  @Field(() => DependencyStatus)
  status!: DependencyStatus;

  @Field(() => String, { nullable: true })
  rationale!: string | null;

  @Field(() => Int, { description: 'Incremented on every update.' })
  version!: number;

  /** The dependent and the supplier; the resolver turns them into assets. */
  assetId!: string;
  dependsOnAssetId!: string;
}
