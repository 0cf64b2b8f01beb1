import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by DHS; this subgraph only adds `agreement` to it. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Engagement {
  @Field(() => ID)
  id!: string;
}
