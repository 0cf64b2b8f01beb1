import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by CISA; Partners adds its deliveries and sightings to it (threat-product.resolver.ts). */
@ObjectType()
@Directive('@key(fields: "id")')
export class ThreatProduct {
  @Field(() => ID)
  id!: string;
}
