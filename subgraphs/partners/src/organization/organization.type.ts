import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by State; Partners adds maturity, deliveries and sightings to it (organization.resolver.ts). */
@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}
