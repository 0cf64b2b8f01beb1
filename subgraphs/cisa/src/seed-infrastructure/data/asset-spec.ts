import type { AssetKind } from '../../asset/asset.type';

/**
 * One demo asset, compactly: the id is `asset-<country>-<slug>`; `criticality` (1-5) is how much
 * the US relies on the asset, and sets the criticality and number of its dependencies.
 */
export type AssetSpec = [
  slug: string,
  name: string,
  kind: `${AssetKind}`,
  operatorId: string | null,
  latitude: number,
  longitude: number,
  criticality: number,
  technologies: string[],
  description: string,
];

/** Demo assets by ISO country code. */
export type AssetsByCountry = Record<string, AssetSpec[]>;
