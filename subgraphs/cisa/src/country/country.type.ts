import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by State; CISA only adds fields to it (see the resolvers beside this file). */
@ObjectType()
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => ID)
  code!: string;
}
