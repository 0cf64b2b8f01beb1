import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by State; CISA only adds fields to it (see the resolvers beside this file). */
@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}
