import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from './organization.type';

@InputType({ description: 'A new foreign organization.' })
export class CreateOrganizationInput {
  @Field(() => String, { description: '1 to 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '1 to 40 characters.' })
  acronym?: string | null;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => ID, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 code (case-insensitive, stored upper-case); required unless kind is MULTILATERAL_BODY.',
  })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'An https URL of at most 300 characters.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  description?: string | null;
}

@InputType({ description: 'The fields to change; absent fields stay as they are, null clears an optional one.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: '1 to 200 characters; cannot be cleared.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  acronym?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'Cannot be cleared.' })
  kind?: OrganizationKind | null;

  @Field(() => ID, { nullable: true, description: 'Can be cleared only for a MULTILATERAL_BODY.' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
