import { Tlp } from '@iag/kit';
import { Field, InputType } from 'type-graphql';
import { ProductKind } from './threat-product.type';

@InputType({ description: 'An observable to look for.' })
export class IndicatorInput {
  @Field(() => String, { description: 'STIX cyber-observable type, e.g. "ipv4-addr".' })
  type!: string;

  @Field(() => String)
  value!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType({ description: 'Who a product is meant for; the authoring agency is always included.' })
export class AudienceInput {
  @Field(() => [String], { nullable: true, description: 'US agency codes, e.g. ["CISA", "DHS"].' })
  agencies?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Partner (State) organization ids.' })
  organizations?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Individual principals (`sub`s).' })
  individuals?: string[] | null;
}

@InputType({ description: 'A new threat product, started as a draft.' })
export class DraftThreatProductInput {
  @Field(() => String, { description: 'The public tracking id, e.g. "AA25-142A"; unique.' })
  trackingId!: string;

  @Field(() => ProductKind)
  kind!: ProductKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => Tlp)
  tlp!: Tlp;

  @Field(() => AudienceInput, { nullable: true })
  audience?: AudienceInput | null;

  @Field(() => [String], { nullable: true })
  recommendedActions?: string[] | null;

  @Field(() => [IndicatorInput], { nullable: true })
  indicators?: IndicatorInput[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes of the countries concerned (State owns them).' })
  countryCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the sectors concerned, e.g. "ENERGY" (DHS owns them).' })
  sectorCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'CVE ids from the KEV catalog, e.g. "CVE-2023-3519".' })
  cveIds?: string[] | null;
}

@InputType({ description: 'Changes to a product: fields left out stay as they are.' })
export class ThreatProductChangeInput {
  @Field(() => ProductKind, { nullable: true })
  kind?: ProductKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => Tlp, { nullable: true })
  tlp?: Tlp | null;

  @Field(() => AudienceInput, { nullable: true, description: 'Replaces the audience lists it names.' })
  audience?: AudienceInput | null;

  @Field(() => [String], { nullable: true })
  recommendedActions?: string[] | null;

  @Field(() => [IndicatorInput], { nullable: true })
  indicators?: IndicatorInput[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes of the countries concerned (State owns them).' })
  countryCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the sectors concerned, e.g. "ENERGY" (DHS owns them).' })
  sectorCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'CVE ids from the KEV catalog, e.g. "CVE-2023-3519".' })
  cveIds?: string[] | null;
}
