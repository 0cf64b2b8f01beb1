import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by DHS; CISA only adds fields to it (see the resolvers beside this file). */
@ObjectType()
@Directive('@key(fields: "id")')
export class Engagement {
  @Field(() => ID)
  id!: string;
}
