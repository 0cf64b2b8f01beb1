import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What an import of the Known Exploited Vulnerabilities catalog changed.' })
export class KevImportResult {
  @Field(() => Int, { description: 'Entries new to the catalog.' })
  added!: number;

  @Field(() => Int, { description: 'Entries whose stored values changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Entries already stored as the catalog has them.' })
  unchanged!: number;

  @Field(() => String, { description: "The catalog's own version, e.g. 2025.08.25." })
  catalogVersion!: string;
}
