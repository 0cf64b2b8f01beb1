import { PageArgs, Tlp } from '@iag/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { ProductKind, ProductStatus } from './threat-product.type';

@ArgsType()
export class ThreatProductsArgs extends PageArgs {
  @Field(() => ProductKind, { nullable: true })
  kind?: ProductKind | null;

  @Field(() => Tlp, { nullable: true })
  tlp?: Tlp | null;

  @Field(() => ID, { nullable: true, description: 'Only products concerning this sector code, e.g. "ENERGY".' })
  sector?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products concerning this country (ISO 3166-1 alpha-2).' })
  country?: string | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;

  @Field(() => Date, { nullable: true, description: 'Only products published strictly after this instant.' })
  publishedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only products published strictly before this instant.' })
  publishedBefore?: Date | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the tracking id, title or summary.' })
  search?: string | null;
}

/** `Country.threatProducts` and `Sector.threatProducts`: a page per parent, narrowed by marking or status. */
@ArgsType()
export class LinkedThreatProductsArgs extends PageArgs {
  @Field(() => Tlp, { nullable: true })
  tlp?: Tlp | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;
}
