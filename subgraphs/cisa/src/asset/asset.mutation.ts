import { randomUUID } from 'node:crypto';
import { runMutation, updateVersioned, type SubgraphContext, type Tx } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { assets, assetSectors, dependencies, type CisaSchema } from '../db/schema';
import { linkAssetVulnerabilities } from '../kev/kev.links';
import { CreateAssetInput, UpdateAssetInput } from './asset.input';
import { Asset } from './asset.type';
import { validateAssetInput } from './asset.validate';

type Ctx = SubgraphContext<CisaSchema>;

/** Writing assets and dependencies: US government with infrastructure:write only, partners never. */
export const INFRASTRUCTURE_WRITE = 'infrastructure:write';

async function replaceSectors(tx: Tx, assetId: string, codes: string[]) {
  await tx.delete(assetSectors).where(eq(assetSectors.assetId, assetId));
  const unique = [...new Set(codes)];
  if (unique.length) await tx.insert(assetSectors).values(unique.map((sectorCode) => ({ assetId, sectorCode })));
}

/** The asset as it is now (also after an idempotent replay, which returns only its id). */
async function loadAsset(ctx: Ctx, id: string) {
  return (await ctx.db.select().from(assets).where(eq(assets.id, id)))[0];
}

@Resolver(() => Asset)
export class AssetMutationResolver {
  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => Asset, { description: 'Records a foreign asset the United States depends on.' })
  async createAsset(
    @Arg('input', () => CreateAssetInput) input: CreateAssetInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: Ctx,
  ) {
    validateAssetInput(input, true);
    const { id } = await runMutation(ctx, { name: 'createAsset', objectType: 'Asset', idempotencyKey, input }, async (tx) => {
      const id = `asset-${input.countryCode.toLowerCase()}-${randomUUID()}`;
      const { sectorCodes, ...fields } = input;
      await tx.insert(assets).values({ ...fields, name: fields.name.trim(), id, technologies: fields.technologies ?? [] });
      await replaceSectors(tx, id, sectorCodes ?? []);
      // Its technologies decide which KEV entries affect it (kev.links.ts), in this same transaction.
      await linkAssetVulnerabilities(tx, id);
      return { ids: [id], id };
    });
    return loadAsset(ctx, id);
  }

  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => Asset, { description: 'Changes an asset, if it is still at expectedVersion (else CONFLICT).' })
  async updateAsset(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateAssetInput) input: UpdateAssetInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: Ctx,
  ) {
    validateAssetInput(input, false);
    await runMutation(ctx, { name: 'updateAsset', objectType: 'Asset', idempotencyKey, input: { id, expectedVersion, input } }, async (tx) => {
      const { sectorCodes, ...fields } = input;
      const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      if (set.technologies === null) set.technologies = [];
      const row = await updateVersioned(tx, assets, assets, id, expectedVersion, set, 'Asset');
      // Dependencies keep a copy of their asset's country for filtering; it moves with the asset.
      if (fields.countryCode) await tx.update(dependencies).set({ countryCode: row.countryCode }).where(eq(dependencies.assetId, id));
      if (sectorCodes !== undefined) await replaceSectors(tx, id, sectorCodes ?? []);
      // New technologies, new KEV entries affecting the asset; untouched technologies, nothing to redo.
      if (fields.technologies !== undefined) await linkAssetVulnerabilities(tx, id);
      return { ids: [id] };
    });
    return loadAsset(ctx, id);
  }
}
