import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A threat product as it stood at one revision.' })
export class ThreatProductRevision {
  @Field(() => Int)
  revision!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => String, { description: 'What changed in this revision and why.' })
  changeNote!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'The `sub` of who made the revision.' })
  createdBy!: string | null;
}
