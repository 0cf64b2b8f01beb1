import { PageArgs } from '@iag/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { SightingKind } from './sighting.type';

@ArgsType()
export class SightingsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only sightings of this threat product.' })
  product?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only sightings reported by this organization.' })
  organization?: string | null;

  @Field(() => SightingKind, { nullable: true })
  kind?: SightingKind | null;
}
