import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A version of the Known Exploited Vulnerabilities catalog, as imported here.' })
export class KevCatalog {
  @Field(() => String, { description: "The catalog's own version, e.g. 2025.08.25." })
  version!: string;

  @Field(() => Date, { description: 'When CISA released this version.' })
  dateReleased!: Date;

  @Field(() => Int, { description: 'The entries it lists.' })
  count!: number;

  @Field(() => Date, { description: 'When this version was last imported here.' })
  importedAt!: Date;

  @Field(() => String, {
    description: 'Where the last import came from: a URL, a file name, "seed" (the bundled copy) or "mutation".',
  })
  source!: string;
}
