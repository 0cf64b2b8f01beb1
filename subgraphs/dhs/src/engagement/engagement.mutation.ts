import { randomUUID } from 'node:crypto';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  runMutation,
  updateVersioned,
  type SubgraphContext,
} from '@iag/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { hiddenError } from '@iag/kit';
import { engagements, type DhsSchema } from '../db/schema';
import { partnerIdsByEngagementLoader } from '../organization/organization.loader';
import { sectorsByEngagementLoader } from '../sector/sector.loader';
import { EngagementChange } from './engagement.change';
import { overlappingEngagements } from './engagement.deconfliction';
import { CreateEngagementInput, UpdateEngagementInput } from './engagement.input';
import { engagementLoader, type EngagementRow } from './engagement.loader';
import { validateCancel, validateCreate, validateUpdate } from './engagement.validation';
import {
  insertEngagement,
  lockForCancel,
  replacePartners,
  replaceSectors,
  updateSet,
} from './engagement.write';

type Ctx = SubgraphContext<DhsSchema>;

const WRITE = 'engagements:write';
const TYPE = 'Engagement';
const versioned = { id: engagements.id, version: engagements.version };
const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** The engagement as it stands (the row before any change), FORBIDDEN if hidden, NOT_FOUND if missing. */
async function current(ctx: Ctx, id: string): Promise<EngagementRow> {
  const row = await engagementLoader(ctx).clear(id).load(id);
  if (!row) throw new NotFoundError(TYPE, id);
  if (!row.visible) throw hiddenError(ctx.principal, TYPE, id);
  return row;
}

/**
 * The engagement, if the caller may change it: its lead agency owns it, and DHS keeps the
 * register for everyone. Other agencies with engagements:write create their own.
 */
async function owned(ctx: Ctx, id: string): Promise<EngagementRow> {
  const row = await current(ctx, id);
  if (ctx.principal.agency !== row.leadAgency && ctx.principal.agency !== 'DHS') {
    throw new ForbiddenError(`Only ${row.leadAgency}, the lead agency, or DHS changes this engagement`);
  }
  return row;
}

/** The mutation's answer, read after its transaction committed; deconfliction only when asked. */
async function change(ctx: Ctx, id: string, deconflict: boolean): Promise<EngagementChange> {
  // Loaders read before the transaction (e.g. to tell whether partners change) must not answer now.
  partnerIdsByEngagementLoader(ctx).clear(id);
  sectorsByEngagementLoader(ctx).clear(id);
  const engagement = await current(ctx, id);
  const overlapping = deconflict ? await overlappingEngagements(ctx, id) : [];
  return { engagement, overlapping } as unknown as EngagementChange;
}

/** Whether an update moves the engagement in time or place, or changes who takes part. */
async function movesEngagement(ctx: Ctx, row: EngagementRow, input: UpdateEngagementInput): Promise<boolean> {
  if (input.startsOn != null && input.startsOn !== row.startsOn) return true;
  if (input.endsOn !== undefined && input.endsOn !== row.endsOn) return true;
  if (input.country !== undefined && input.country !== row.countryCode) return true;
  if (input.partnerOrganizationIds == null) return false;
  return !sameSet(input.partnerOrganizationIds, await partnerIdsByEngagementLoader(ctx).load(row.id));
}

@Resolver(() => EngagementChange)
export class EngagementMutationResolver {
  @Authorized(WRITE)
  @Mutation(() => EngagementChange, {
    description: 'Registers an engagement. The same idempotencyKey with the same input replays the first result.',
  })
  async createEngagement(
    @Arg('input', () => CreateEngagementInput) input: CreateEngagementInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ): Promise<EngagementChange> {
    await validateCreate(ctx, input);
    const result = await runMutation(ctx, { name: 'createEngagement', objectType: TYPE, idempotencyKey, input }, async (tx) => {
      const id = `eng-${randomUUID()}`;
      await insertEngagement(tx, id, input);
      return { ids: [id] };
    });
    return change(ctx, result.ids[0], true);
  }

  @Authorized(WRITE)
  @Mutation(() => EngagementChange, {
    description:
      'Changes an engagement at expectedVersion (CONFLICT if it has moved on). Partners and sectors, when given, are replaced.',
  })
  async updateEngagement(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateEngagementInput) input: UpdateEngagementInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ): Promise<EngagementChange> {
    const row = await owned(ctx, id);
    await validateUpdate(ctx, row, input);
    const deconflict = await movesEngagement(ctx, row, input);
    const options = { name: 'updateEngagement', objectType: TYPE, idempotencyKey, input: { id, expectedVersion, input } };
    // `deconflict` is part of the stored result, so a replay answers as the first call did.
    const result = await runMutation(ctx, options, async (tx) => {
      await updateVersioned(tx, engagements, versioned, id, expectedVersion, updateSet(input), TYPE);
      if (input.partnerOrganizationIds != null) await replacePartners(tx, id, input.partnerOrganizationIds);
      if (input.sectorCodes != null) await replaceSectors(tx, id, input.sectorCodes);
      return { ids: [id], deconflict };
    });
    return change(ctx, id, result.deconflict);
  }

  @Authorized(WRITE)
  @Mutation(() => EngagementChange, {
    description: 'Cancels an engagement at expectedVersion; a completed one cannot be cancelled. The reason is added to its summary.',
  })
  async cancelEngagement(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null | undefined,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ): Promise<EngagementChange> {
    validateCancel(await owned(ctx, id), reason);
    const options = { name: 'cancelEngagement', objectType: TYPE, idempotencyKey, input: { id, expectedVersion, reason } };
    await runMutation(ctx, options, async (tx) => {
      // Checked again under the row lock: the engagement may have completed since it was read.
      const locked = await lockForCancel(tx, id);
      if (locked?.status === 'COMPLETED') throw new BadUserInputError('A completed engagement cannot be cancelled', 'id');
      const note = reason?.trim() ? `Cancelled: ${reason.trim()}` : null;
      const summary = note ? [locked?.summary, note].filter(Boolean).join('\n\n') : locked?.summary;
      await updateVersioned(tx, engagements, versioned, id, expectedVersion, { status: 'CANCELLED', summary }, TYPE);
      return { ids: [id] };
    });
    return change(ctx, id, false);
  }
}
