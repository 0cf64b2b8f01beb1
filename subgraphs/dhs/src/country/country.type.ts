import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by State; DHS only adds `engagements` to it. */
@ObjectType()
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => ID)
  code!: string;
}
