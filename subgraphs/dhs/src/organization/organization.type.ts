import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by State; DHS only adds `engagements` to it. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}
