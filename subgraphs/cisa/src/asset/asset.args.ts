import { PageArgs } from '@iag/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { AssetKind } from './asset.type';

@ArgsType()
export class AssetsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country.' })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only assets serving this sector.' })
  sector?: string | null;

  @Field(() => AssetKind, { nullable: true })
  kind?: AssetKind | null;

  @Field(() => ID, { nullable: true, description: 'Only assets run by this operator organization.' })
  operator?: string | null;
}
