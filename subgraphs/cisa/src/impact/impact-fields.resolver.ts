import type { SubgraphContext } from '@iag/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assetLoader, type AssetRow } from '../asset/asset.loader';
import { Asset } from '../asset/asset.type';
import { Country } from '../country/country.type';
import type { CisaSchema } from '../db/schema';
import { ncfLoader } from '../ncf/ncf.loader';
import { NationalCriticalFunction } from '../ncf/ncf.type';
import { Sector } from '../sector/sector.type';
import { ImpactedAsset, ImpactedCountry, ImpactedFunction, ImpactedSector } from './impact.type';

type Ctx = SubgraphContext<CisaSchema>;

// The parts of an impact answer that are assets, functions, sectors and countries. Every path of
// every entry goes through the same per-request loader, so a whole answer costs one asset query.
// Foreign keys guarantee the rows; a miss would be a broken database, not a client error.
const PATH = { description: 'Assets from the failing one to this one, both included, one link apart.' };
const assetsOf = async (ids: string[], ctx: Ctx) => (await assetLoader(ctx).loadMany(ids)) as AssetRow[];

@Resolver(() => ImpactedAsset)
export class ImpactedAssetResolver {
  @FieldResolver(() => Asset)
  async asset(@Root() hit: ImpactedAsset, @Ctx() ctx: Ctx) {
    return (await assetLoader(ctx).load(hit.assetId))!;
  }

  @FieldResolver(() => [Asset], PATH)
  path(@Root() hit: ImpactedAsset, @Ctx() ctx: Ctx) {
    return assetsOf(hit.pathIds, ctx);
  }
}

@Resolver(() => ImpactedFunction)
export class ImpactedFunctionResolver {
  @FieldResolver(() => NationalCriticalFunction)
  async function(@Root() hit: ImpactedFunction, @Ctx() ctx: Ctx) {
    return (await ncfLoader(ctx).load(hit.functionCode))!;
  }

  @FieldResolver(() => [Asset], {
    description: 'Assets from the failing one to the first asset hit that the function depends on, both included.',
  })
  path(@Root() hit: ImpactedFunction, @Ctx() ctx: Ctx) {
    return assetsOf(hit.pathIds, ctx);
  }
}

@Resolver(() => ImpactedSector)
export class ImpactedSectorResolver {
  @FieldResolver(() => Sector)
  sector(@Root() hit: ImpactedSector): Sector {
    return { code: hit.sectorCode };
  }

  @FieldResolver(() => [Asset], {
    description: 'Assets from the failing one to the first asset hit that the sector depends on, both included.',
  })
  path(@Root() hit: ImpactedSector, @Ctx() ctx: Ctx) {
    return assetsOf(hit.pathIds, ctx);
  }
}

@Resolver(() => ImpactedCountry)
export class ImpactedCountryResolver {
  @FieldResolver(() => Country)
  country(@Root() hit: ImpactedCountry): Country {
    return { code: hit.countryCode };
  }
}
