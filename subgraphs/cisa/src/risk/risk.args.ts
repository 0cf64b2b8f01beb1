import { ArgsType, Field, ID, Int } from 'type-graphql';

// Page arguments are declared here rather than taken from PageArgs so that each list states its
// own default page size in the schema.

@ArgsType()
export class RiskHistoryArgs {
  @Field(() => Date, { nullable: true, description: 'Only assessments at or after this time.' })
  since?: Date | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen.' })
  after?: string | null;
}

@ArgsType()
export class PrioritizedDependenciesArgs {
  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the asset country.' })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'Code of the dependent sector.' })
  sector?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: 'Page size, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen.' })
  after?: string | null;
}

@ArgsType()
export class RiskMovementsArgs {
  @Field(() => Date, { description: 'Compare the scores now with the scores at this time.' })
  since!: Date;

  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the asset country.' })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'Code of the dependent sector.' })
  sector?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen.' })
  after?: string | null;
}
