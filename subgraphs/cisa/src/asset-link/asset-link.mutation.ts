import { randomUUID } from 'node:crypto';
import { ConflictError, runMutation, updateVersioned, type Db, type SubgraphContext, type Tx } from '@iag/kit';
import { and, eq, inArray } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { INFRASTRUCTURE_WRITE } from '../asset/asset.mutation';
import { assetLinks, dependencies, type CisaSchema } from '../db/schema';
import { cascadeUpstream } from '../impact/upstream.query';
import { assessRisk } from '../risk/risk.assess';
import { CreateAssetLinkInput, UpdateAssetLinkInput } from './asset-link.input';
import { AssetLink } from './asset-link.type';
import { validateAssetLinkInput } from './asset-link.validate';

type Ctx = SubgraphContext<CisaSchema>;
type LinkState = Pick<typeof assetLinks.$inferSelect, 'status' | 'coupling'>;

async function loadAssetLink(ctx: Ctx, id: string) {
  return (await ctx.db.select().from(assetLinks).where(eq(assetLinks.id, id)))[0];
}

/** Only ACTIVE TIGHT links carry a cascade (cascade.query.ts). */
const carriesCascade = (link: LinkState | undefined) => link?.status === 'ACTIVE' && link.coupling === 'TIGHT';

/**
 * A link's write changes the cascade of its supplier and of every asset upstream of it, and with
 * it the SINGLE_POINT_OF_FAILURE factor of the dependencies on them: rescore those, in the write's
 * transaction, so that no score is read stale (docs/risk.md). Nothing moves unless the link starts
 * or stops carrying a cascade, so a change of kind or rationale rescores nothing.
 */
async function rescoreUpstream(tx: Tx, supplierId: string, before: LinkState | undefined, after: LinkState) {
  if (carriesCascade(before) === carriesCascade(after)) return;
  const db = tx as unknown as Db<CisaSchema>;
  const assetIds = await cascadeUpstream(db, supplierId);
  const rows = await db
    .select({ id: dependencies.id })
    .from(dependencies)
    .where(and(inArray(dependencies.assetId, assetIds), eq(dependencies.status, 'ACTIVE')));
  await assessRisk(db, { dependencyIds: rows.map((r) => r.id), onlyActive: true, cause: 'updated' });
}

@Resolver(() => AssetLink)
export class AssetLinkMutationResolver {
  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => AssetLink, {
    description: 'Records that one asset depends on another; scores that depend on the cascade are recomputed.',
  })
  async createAssetLink(
    @Arg('input', () => CreateAssetLinkInput) input: CreateAssetLinkInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: Ctx,
  ) {
    await validateAssetLinkInput(ctx.db, input, true);
    const { id } = await runMutation(ctx, { name: 'createAssetLink', objectType: 'AssetLink', idempotencyKey, input }, async (tx) => {
      // Checked here, not in validation, so that an idempotent replay finds its own link as the first
      // result instead of a CONFLICT. A retired pair counts too: it is reactivated, not recreated.
      const [existing] = await tx
        .select({ id: assetLinks.id })
        .from(assetLinks)
        .where(and(eq(assetLinks.assetId, input.assetId), eq(assetLinks.dependsOnAssetId, input.dependsOnAssetId)));
      if (existing) throw new ConflictError(`Asset link ${existing.id} already links these assets: update it instead`);
      const id = `link-${randomUUID()}`;
      const [created] = await tx.insert(assetLinks).values({ ...input, id }).returning();
      await rescoreUpstream(tx, created.dependsOnAssetId, undefined, created);
      return { ids: [id], id };
    });
    return loadAssetLink(ctx, id);
  }

  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => AssetLink, {
    description: 'Changes a link at expectedVersion (else CONFLICT); status RETIRED ends it. Affected scores are recomputed.',
  })
  async updateAssetLink(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateAssetLinkInput) input: UpdateAssetLinkInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: Ctx,
  ) {
    await validateAssetLinkInput(ctx.db, input, false);
    const args = { id, expectedVersion, input };
    await runMutation(ctx, { name: 'updateAssetLink', objectType: 'AssetLink', idempotencyKey, input: args }, async (tx) => {
      // The state before the write: a link that stops being tight or active shrinks cascades too.
      const [before] = await tx.select({ status: assetLinks.status, coupling: assetLinks.coupling }).from(assetLinks).where(eq(assetLinks.id, id));
      const set = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      // A missing row or a stale version throws here (NOT_FOUND, CONFLICT) before anything is scored.
      const after = await updateVersioned(tx, assetLinks, assetLinks, id, expectedVersion, set, 'AssetLink');
      await rescoreUpstream(tx, after.dependsOnAssetId, before, after);
      return { ids: [id] };
    });
    return loadAssetLink(ctx, id);
  }
}
