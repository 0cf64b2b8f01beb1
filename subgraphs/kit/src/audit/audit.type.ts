import { ArgsType, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageArgs, PageInfo } from '../pagination/connection';

// Every subgraph declares these same types, so they are @shareable for composition.

@ObjectType({ description: 'One audit record: who read AMBER/RED data, or wrote, what, and when.' })
@Directive('@shareable')
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  principalSub!: string | null;

  @Field(() => String)
  principalKind!: string;

  @Field(() => String, { nullable: true })
  principalAgency!: string | null;

  @Field(() => String, { nullable: true })
  principalOrganization!: string | null;

  @Field(() => String, { description: '"read", or the name of the mutation.' })
  operation!: string;

  @Field(() => String)
  objectType!: string;

  @Field(() => [String])
  objectIds!: string[];

  @Field(() => String, { nullable: true })
  requestId!: string | null;
}

@ObjectType()
@Directive('@shareable')
export class AuditEntryEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEntry)
  node!: AuditEntry;
}

@ObjectType()
@Directive('@shareable')
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only records by this principal (`sub`).' })
  principal?: string | null;

  @Field(() => String, { nullable: true, description: '"read" or a mutation name.' })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "ThreatProduct".' })
  objectType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only records that name this object.' })
  objectId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only records made at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only records made before this time.' })
  before?: Date | null;
}
