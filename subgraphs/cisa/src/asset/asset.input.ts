import { Field, Float, InputType } from 'type-graphql';
import { AssetKind } from './asset.type';

@InputType({ description: 'A new foreign asset.' })
export class CreateAssetInput {
  @Field(() => String)
  name!: string;

  @Field(() => AssetKind)
  kind!: AssetKind;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the country the asset is in.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'The operating State Organization id.' })
  operatorId?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees, -90 to 90.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 degrees, -180 to 180.' })
  longitude?: number | null;

  @Field(() => [String], { nullable: true, description: 'Vendor and product names in use.' })
  technologies?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the DHS sectors the asset serves.' })
  sectorCodes?: string[] | null;
}

@InputType({ description: 'Changes to an asset: fields left out stay as they are; null clears an optional one.' })
export class UpdateAssetInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => AssetKind, { nullable: true })
  kind?: AssetKind | null;

  @Field(() => String, { nullable: true, description: "Moving an asset also moves its dependencies' country." })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  operatorId?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => [String], { nullable: true })
  technologies?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the sectors the asset serves.' })
  sectorCodes?: string[] | null;
}
