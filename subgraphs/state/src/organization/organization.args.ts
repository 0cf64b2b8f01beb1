import { PageArgs } from '@iag/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { OrganizationKind } from './organization.type';

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country.' })
  country?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name or acronym.' })
  search?: string | null;
}
