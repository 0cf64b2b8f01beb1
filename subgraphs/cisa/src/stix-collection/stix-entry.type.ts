import { ConnectionType } from '@iag/kit';
import { JSONObjectResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A STIX 2.1 object of the threat products the caller may see, with when it was added to that view: what a TAXII 2.1 collection serves.',
})
export class StixEntry {
  @Field(() => ID, { description: 'The STIX id, e.g. "report--…"; stable across exports.' })
  id!: string;

  @Field(() => String, { description: 'The STIX type: report, indicator, vulnerability, course-of-action…' })
  type!: string;

  @Field(() => Date, { description: 'The version: the object\'s `modified` (or `created` when it has none).' })
  version!: Date;

  @Field(() => Date, {
    description:
      "When this version entered the caller's view: its product's last revision, or for an object several products share (identity, marking, vulnerability, location) the first such product.",
  })
  dateAdded!: Date;

  @Field(() => JSONObjectResolver, { description: 'The STIX 2.1 object itself.' })
  object!: Record<string, unknown>;
}

export const StixEntryConnection = ConnectionType(StixEntry);

@ArgsType()
export class StixObjectsArgs {
  @Field(() => Date, { nullable: true, description: 'Only objects added after this time (TAXII `added_after`).' })
  addedAfter?: Date | null;

  @Field(() => [String], { nullable: true, description: 'Only these STIX types (TAXII `match[type]`).' })
  types?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only these STIX ids (TAXII `match[id]`).' })
  ids?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Page size, at most 500.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen.' })
  after?: string | null;
}
