import { Tlp } from '@iag/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Organization } from '../organization/organization.type';

export enum ProductKind {
  ADVISORY = 'ADVISORY',
  ALERT = 'ALERT',
  ICS_ADVISORY = 'ICS_ADVISORY',
  ANALYSIS_REPORT = 'ANALYSIS_REPORT',
  INDICATOR_BUNDLE = 'INDICATOR_BUNDLE',
  RISK_REDUCTION_GUIDANCE = 'RISK_REDUCTION_GUIDANCE',
}
registerEnumType(ProductKind, { name: 'ProductKind' });

export enum ProductStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

@ObjectType({ description: 'An observable to look for: an address, a domain, a file hash...' })
export class Indicator {
  @Field(() => String, {
    description: 'STIX cyber-observable type, e.g. "ipv4-addr", "domain-name", "url", "file:hashes.SHA-256".',
  })
  type!: string;

  @Field(() => String)
  value!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType({ description: 'Who a product is meant for; read with its TLP marking.' })
export class ThreatProductAudience {
  @Field(() => [String], { description: 'US agency codes, e.g. ["CISA"].' })
  agencies!: string[];

  @Field(() => [Organization], { description: 'Partner organizations named in the audience.' })
  organizations!: Organization[];

  @Field(() => [String], { description: 'Individual principals (`sub`s) named in the audience.' })
  individuals!: string[];
}

@ObjectType({
  description: 'An advisory, alert, ICS advisory, analysis report, indicator bundle or risk-reduction guidance.',
})
@Directive('@key(fields: "id")')
export class ThreatProduct {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The public tracking id, e.g. "AA25-142A" or "ICSA-25-099-01".' })
  trackingId!: string;

  @Field(() => ProductKind)
  kind!: ProductKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => Tlp)
  tlp!: Tlp;

  @Field(() => ProductStatus)
  status!: ProductStatus;

  @Field(() => String, { description: 'The US agency that wrote it, e.g. "CISA".' })
  authorAgency!: string;

  /** `sub`s of the authors; the visibility rule reads them, clients do not. */
  authors!: string[];

  // The audience columns are exposed together as `audience` (see the resolver).
  audienceAgencies!: string[];
  audienceOrganizations!: string[];
  audienceIndividuals!: string[];

  @Field(() => Date, { nullable: true, description: 'Null while a draft.' })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => Int, { description: 'The current revision; earlier ones are in `revisions`.' })
  revision!: number;

  @Field(() => [Indicator])
  indicators!: Indicator[];

  @Field(() => [String])
  recommendedActions!: string[];

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;
}
