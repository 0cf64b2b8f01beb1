import { Field, ID, InputType } from 'type-graphql';
import { Coupling, DependencyKind, DependencyStatus } from '../dependency/dependency.type';

@InputType({ description: 'A new link: `assetId` is hit when `dependsOnAssetId` fails.' })
export class CreateAssetLinkInput {
  @Field(() => ID, { description: 'The dependent asset.' })
  assetId!: string;

  @Field(() => ID, { description: 'The supplier asset it depends on.' })
  dependsOnAssetId!: string;

  @Field(() => DependencyKind)
  kind!: DependencyKind;

  @Field(() => Coupling)
  coupling!: Coupling;

  @Field(() => String, { nullable: true })
  rationale?: string | null;
}

@InputType({
  description: 'Changes to a link: fields left out stay as they are. Its two assets never change; RETIRED ends it.',
})
export class UpdateAssetLinkInput {
  @Field(() => DependencyKind, { nullable: true })
  kind?: DependencyKind | null;

  @Field(() => Coupling, { nullable: true })
  coupling?: Coupling | null;

  @Field(() => String, { nullable: true, description: 'null clears the rationale.' })
  rationale?: string | null;

  @Field(() => DependencyStatus, { nullable: true })
  status?: DependencyStatus | null;
}
