import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AssetKind {
  CABLE_LANDING = 'CABLE_LANDING',
  PORT = 'PORT',
  POWER_INTERCONNECT = 'POWER_INTERCONNECT',
  PIPELINE = 'PIPELINE',
  SEMICONDUCTOR_FAB = 'SEMICONDUCTOR_FAB',
  DATA_CENTER = 'DATA_CENTER',
  GROUND_STATION = 'GROUND_STATION',
  INTERNET_EXCHANGE = 'INTERNET_EXCHANGE',
  LNG_TERMINAL = 'LNG_TERMINAL',
  POWER_PLANT = 'POWER_PLANT',
  SUBSTATION = 'SUBSTATION',
}
registerEnumType(AssetKind, { name: 'AssetKind' });

@ObjectType({ description: 'A piece of foreign infrastructure the United States depends on.' })
@Directive('@key(fields: "id")')
export class Asset {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AssetKind)
  kind!: AssetKind;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees.' })
  longitude!: number | null;

  @Field(() => [String], { description: 'Vendor and product names in use, as the KEV catalog names them.' })
  technologies!: string[];

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;

  /** Keys of other agencies' entities; exposed as `country` and `operator` stubs by the resolver. */
  countryCode!: string;
  operatorId!: string | null;
}
