import { randomUUID } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError, Validator, runMutation, type SubgraphContext } from '@iag/kit';
import { and, eq } from '@iag/kit/orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { deliveries, sightings, type PartnersSchema } from '../db/schema';
import { SIGHTING_LIMITS, ReportSightingInput } from './sighting.input';
import { loadSighting, type SightingRow } from './sighting.loader';
import { Sighting } from './sighting.type';

type Ctx = SubgraphContext<PartnersSchema>;

/** The caller's organization: only partners report sightings, and always for their own organization. */
function reportingOrganization(ctx: Ctx): string {
  const { principal } = ctx;
  if (principal.kind === 'ANONYMOUS') throw new UnauthenticatedError('Sign in to report a sighting');
  if (principal.kind !== 'PARTNER' || !principal.organizationId) {
    throw new ForbiddenError('Only partner organizations report sightings');
  }
  return principal.organizationId;
}

/** True when `productId` was delivered to `organizationId`; nothing else is revealed about it. */
async function wasDelivered(ctx: Ctx, productId: string, organizationId: string): Promise<boolean> {
  const rows = await ctx.db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.productId, productId), eq(deliveries.recipientId, organizationId)))
    .limit(1);
  return rows.length > 0;
}

/** Every problem with the input at once (BAD_USER_INPUT per field); nothing is written if any. */
async function validate(ctx: Ctx, input: ReportSightingInput, organizationId: string): Promise<void> {
  const v = new Validator()
    .text('input.indicatorValue', input.indicatorValue, { max: SIGHTING_LIMITS.indicatorValue, required: false })
    .text('input.comment', input.comment, { min: 0, max: SIGHTING_LIMITS.comment, required: false })
    .int('input.count', input.count, 1, SIGHTING_LIMITS.maxCount);
  const observed = input.observedAt.getTime();
  if (observed > Date.now() + SIGHTING_LIMITS.futureSkewMs) v.add('input.observedAt', 'must not be in the future');
  else if (observed < SIGHTING_LIMITS.earliestObservedAt.getTime()) v.add('input.observedAt', 'must not be before 2000');
  // The same answer whether the product is unknown, hidden or simply not delivered to the caller.
  const productId = input.productId.trim();
  if (!productId || productId.length > 200 || !(await wasDelivered(ctx, productId, organizationId))) {
    v.add('input.productId', 'must be a product delivered to your organization');
  }
  v.done();
}

@Resolver()
export class SightingMutationResolver {
  @Mutation(() => Sighting, {
    description:
      "A partner reports seeing an indicator of a product delivered to its organization, acting on it, or feedback. " +
      "The reporting organization is always the caller's own.",
  })
  async reportSighting(
    @Arg('input', () => ReportSightingInput) input: ReportSightingInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ): Promise<SightingRow> {
    const organizationId = reportingOrganization(ctx);
    await validate(ctx, input, organizationId);

    const values = {
      productId: input.productId.trim(),
      organizationId,
      kind: input.kind,
      indicatorValue: input.indicatorValue?.trim() ?? null,
      observedAt: input.observedAt,
      count: input.count ?? 1,
      comment: input.comment?.trim() || null,
    };
    const { ids } = await runMutation(
      ctx,
      // The kit hashes the input as JSON and would see a Date as `{}`: pass the instant as a string.
      { name: 'reportSighting', objectType: 'Sighting', idempotencyKey, input: { ...values, observedAt: values.observedAt.toISOString() } },
      async (tx) => {
        const id = `sgt-${randomUUID()}`;
        await tx.insert(sightings).values({ id, ...values });
        return { ids: [id] };
      },
    );

    const sighting = await loadSighting(ctx, ids[0]);
    if (!sighting) throw new Error(`Sighting ${ids[0]} vanished after it was reported`);
    return sighting;
  }
}
