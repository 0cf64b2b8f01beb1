import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum OrganizationKind {
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  NATIONAL_CSIRT = 'NATIONAL_CSIRT',
  REGULATOR = 'REGULATOR',
  OPERATOR = 'OPERATOR',
  MULTILATERAL_BODY = 'MULTILATERAL_BODY',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@ObjectType({
  description: 'A foreign government body, national CSIRT, regulator, infrastructure operator or multilateral body.',
})
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  acronym!: string | null;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  /** Null for multilateral bodies, which belong to no one country. */
  countryCode!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;
}
