import { Field, Int, ObjectType } from 'type-graphql';

// What a failing asset takes down with it. None of these is an entity: they exist only inside one
// `impact` answer. Assets, functions, sectors and countries are kept as keys here and resolved by
// impact-fields.resolver.ts through the per-request loaders.

@ObjectType({ description: 'An asset hit by the failure, and the best way the failure reaches it.' })
export class ImpactedAsset {
  @Field(() => Int, { description: 'Links from the failing asset to this one along `path`.' })
  depth!: number;

  @Field(() => Boolean, {
    description: 'True when `path` is made only of TIGHT links, so the failure arrives within hours.',
  })
  allTight!: boolean;

  assetId!: string;
  /** Asset ids from the failing asset to this one, both included. */
  pathIds!: string[];
}

@ObjectType({ description: 'A National Critical Function depending on the failing asset or on an asset hit by it.' })
export class ImpactedFunction {
  @Field(() => Int, { description: 'Active dependencies of the function on the assets hit.' })
  dependencyCount!: number;

  @Field(() => Int, { description: 'The highest criticality (1-5) among those dependencies.' })
  highestCriticality!: number;

  functionCode!: string;
  /** To the first asset, in `affectedAssets` order, that the function depends on. */
  pathIds!: string[];
}

@ObjectType({ description: 'A US sector depending on the failing asset or on an asset hit by it.' })
export class ImpactedSector {
  @Field(() => Int, { description: 'Active dependencies of the sector on the assets hit.' })
  dependencyCount!: number;

  @Field(() => Int, { description: 'The highest criticality (1-5) among those dependencies.' })
  highestCriticality!: number;

  sectorCode!: string;
  pathIds!: string[];
}

@ObjectType({ description: 'A country where the failing asset or assets hit by it stand.' })
export class ImpactedCountry {
  @Field(() => Int, { description: 'Assets hit in the country, the failing asset included.' })
  assetCount!: number;

  countryCode!: string;
}

@ObjectType({
  description:
    'What fails with an asset: the assets that depend on it, directly or through other assets, along active links, and the functions, sectors and countries that depend on any of them.',
})
export class Impact {
  @Field(() => Int, { description: 'How many links from the failing asset the analysis followed.' })
  maxDepth!: number;

  @Field(() => Boolean, {
    description: 'True when more assets are hit than the analysis returns; the first ones in `affectedAssets` order are kept.',
  })
  truncated!: boolean;

  @Field(() => [ImpactedAsset], {
    description: 'Assets hit, the failing one excluded: reached by tight links only first, then by depth, then by name.',
  })
  affectedAssets!: ImpactedAsset[];

  @Field(() => [ImpactedFunction], { description: 'Highest criticality first, then by code.' })
  functions!: ImpactedFunction[];

  @Field(() => [ImpactedSector], { description: 'Highest criticality first, then by code.' })
  sectors!: ImpactedSector[];

  @Field(() => [ImpactedCountry], { description: 'By code.' })
  countries!: ImpactedCountry[];

  /** The failing asset; `asset` on the type. */
  assetId!: string;
}
