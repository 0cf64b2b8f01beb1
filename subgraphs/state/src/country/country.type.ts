import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A country or territory of ISO 3166-1, with its UN region.' })
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code, e.g. "NL".' })
  code!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-3 code, e.g. "NLD".' })
  alpha3!: string;

  @Field(() => String, { description: 'ISO 3166-1 numeric code, e.g. "528".' })
  numeric!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  officialName!: string;

  @Field(() => String, { description: 'Africa, Americas, Antarctic, Asia, Europe or Oceania.' })
  region!: string;

  @Field(() => String, { nullable: true })
  subregion!: string | null;
}
