import { randomUUID } from 'node:crypto';
import { runMutation, updateVersioned, type SubgraphContext } from '@iag/kit';
import { eq, sql } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { threatProducts, type CisaSchema } from '../db/schema';
import { addRevision, productForChange, refreshDraftRevision } from './product.change';
import { productColumns, validateProductInput } from './product-change.validate';
import { nudgeDissemination } from '../dissemination/nudge';
import { indexProductObjects } from '../stix-collection/stix-object-index';
import { recordDisseminationIntent } from './product-dissemination';
import { replaceProductLinks } from './product-links.write';
import { DraftThreatProductInput, ThreatProductChangeInput } from './product-draft.input';
import type { ThreatProductRow } from './threat-product.loader';
import { ThreatProduct } from './threat-product.type';

type Ctx = SubgraphContext<CisaSchema>;

const WRITE = 'threat-products:write';
// Everything that changes what partners may already have received needs the publish scope too.
const PUBLISH = 'threat-products:publish';
const TYPE = 'ThreatProduct';

/** Runs one life-cycle step as a mutation and returns the product as it now stands. */
async function step(
  ctx: Ctx,
  name: string,
  input: unknown,
  idempotencyKey: string | null | undefined,
  body: (tx: Parameters<Parameters<typeof runMutation>[2]>[0]) => Promise<ThreatProductRow>,
): Promise<ThreatProductRow> {
  const { ids } = await runMutation(ctx, { name, objectType: TYPE, input, idempotencyKey }, async (tx) => {
    const product = await body(tx);
    // What the product owns in STIX may have changed with it: the collection's index follows.
    await indexProductObjects(tx, [product.id]);
    return { ids: [product.id] };
  });
  // Read back after the commit, also on a replay: the stored result holds only the id, and the
  // product is returned as it stands now. The caller just changed it, so it may see it.
  const [row] = await ctx.db.select().from(threatProducts).where(eq(threatProducts.id, ids[0]));
  return row;
}

const KEY = { nullable: true, description: 'Repeat a request with the same key to get the first result, never a second change.' };

@Resolver(() => ThreatProduct)
export class ThreatProductMutationResolver {
  @Authorized(WRITE)
  @Mutation(() => ThreatProduct, { description: "Starts a threat product as a draft of the caller's agency (revision 1)." })
  draftThreatProduct(
    @Arg('input', () => DraftThreatProductInput) input: DraftThreatProductInput,
    @Ctx() ctx: Ctx,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string | null,
  ) {
    validateProductInput(input, true);
    const { sub, agency } = ctx.principal;
    return step(ctx, 'draftThreatProduct', input, idempotencyKey, async (tx) => {
      const [row] = await tx
        .insert(threatProducts)
        .values({
          ...(productColumns(input) as Required<ReturnType<typeof productColumns>>),
          id: `tp-${randomUUID()}`,
          trackingId: input.trackingId,
          status: 'DRAFT',
          revision: 1,
          authorAgency: agency!,
          authors: [sub!],
        })
        .returning();
      await replaceProductLinks(tx, row.id, input);
      await addRevision(tx, row, 'Draft started.', sub);
      return row;
    });
  }

  @Authorized(WRITE)
  @Mutation(() => ThreatProduct, { description: 'Changes a draft in place (it stays at revision 1); CONFLICT if stale.' })
  editThreatProductDraft(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => ThreatProductChangeInput) input: ThreatProductChangeInput,
    @Ctx() ctx: Ctx,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string | null,
  ) {
    validateProductInput(input, false);
    return step(ctx, 'editThreatProductDraft', { id, expectedVersion, input }, idempotencyKey, async (tx) => {
      await productForChange(tx, ctx, id, ['DRAFT'], 'edited as drafts');
      const row = await updateVersioned(tx, threatProducts, threatProducts, id, expectedVersion, productColumns(input), TYPE);
      await replaceProductLinks(tx, id, input);
      await refreshDraftRevision(tx, row);
      return row;
    });
  }

  @Authorized(WRITE, PUBLISH)
  @Mutation(() => ThreatProduct, { description: 'Publishes a draft: its marking and audience now decide who sees it.' })
  async publishThreatProduct(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Ctx,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string | null,
  ) {
    const published = await step(ctx, 'publishThreatProduct', { id, expectedVersion }, idempotencyKey, async (tx) => {
      await productForChange(tx, ctx, id, ['DRAFT'], 'published');
      const set = { status: 'PUBLISHED', publishedAt: sql`now()` };
      const row = await updateVersioned(tx, threatProducts, threatProducts, id, expectedVersion, set, TYPE);
      await refreshDraftRevision(tx, row);
      await recordDisseminationIntent(tx, row);
      return row;
    });
    // After the commit: the dispatcher can only see committed outbox rows.
    nudgeDissemination();
    return published;
  }

  @Authorized(WRITE, PUBLISH)
  @Mutation(() => ThreatProduct, { description: 'Issues a new revision of a published product; earlier revisions are kept.' })
  async reviseThreatProduct(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => ThreatProductChangeInput) input: ThreatProductChangeInput,
    @Arg('changeNote', () => String, { description: 'What changed and why.' }) changeNote: string,
    @Ctx() ctx: Ctx,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string | null,
  ) {
    validateProductInput(input, false, { changeNote });
    const revised = await step(ctx, 'reviseThreatProduct', { id, expectedVersion, input, changeNote }, idempotencyKey, async (tx) => {
      await productForChange(tx, ctx, id, ['PUBLISHED'], 'revised');
      const set = { ...productColumns(input), revision: sql`${threatProducts.revision} + 1` };
      const row = await updateVersioned(tx, threatProducts, threatProducts, id, expectedVersion, set, TYPE);
      await replaceProductLinks(tx, id, input);
      await addRevision(tx, row, changeNote.trim(), ctx.principal.sub);
      await recordDisseminationIntent(tx, row);
      return row;
    });
    nudgeDissemination();
    return revised;
  }

  @Authorized(WRITE, PUBLISH)
  @Mutation(() => ThreatProduct, {
    description: 'Withdraws a published product; it stays visible to its readers, marked withdrawn, with a last revision giving the reason.',
  })
  async withdrawThreatProduct(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Ctx,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string | null,
  ) {
    validateProductInput({}, false, { changeNote: reason });
    const withdrawn = await step(ctx, 'withdrawThreatProduct', { id, expectedVersion, reason }, idempotencyKey, async (tx) => {
      await productForChange(tx, ctx, id, ['PUBLISHED'], 'withdrawn');
      const set = { status: 'WITHDRAWN', withdrawnAt: sql`now()`, revision: sql`${threatProducts.revision} + 1` };
      const row = await updateVersioned(tx, threatProducts, threatProducts, id, expectedVersion, set, TYPE);
      await addRevision(tx, row, `Withdrawn: ${reason.trim()}`, ctx.principal.sub);
      // Partners who were sent the product must learn that it no longer stands: the withdrawal is
      // a revision of its own, delivered like any other.
      await recordDisseminationIntent(tx, row);
      return row;
    });
    nudgeDissemination();
    return withdrawn;
  }
}
