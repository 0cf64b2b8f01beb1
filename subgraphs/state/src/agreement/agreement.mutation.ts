import { NotFoundError, runMutation, updateVersioned, type SubgraphContext, type Tx } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { agreementEngagements, agreementParties, agreements, type StateSchema } from '../db/schema';
import { RecordAgreementInput, UpdateAgreementInput } from './agreement.input';
import { agreementLoader } from './agreement.loader';
import { Agreement } from './agreement.type';
import { newAgreementId, validateAgreement, type AgreementChanges } from './agreement.validate';

type Ctx = SubgraphContext<StateSchema>;
const WRITE = 'agreements:write';

/** Replaces the agreement's parties and engagement links with the lists given (if given). */
async function replaceLinks(tx: Tx, id: string, changes: AgreementChanges) {
  if (changes.parties) {
    await tx.delete(agreementParties).where(eq(agreementParties.agreementId, id));
    await tx.insert(agreementParties).values(changes.parties.map((organizationId) => ({ agreementId: id, organizationId })));
  }
  if (changes.engagementIds) {
    // Engagements belong to the DHS subgraph: this one cannot check that the ids exist, so they
    // are stored as given; `Agreement.engagements` hands them to the gateway as references.
    await tx.delete(agreementEngagements).where(eq(agreementEngagements.agreementId, id));
    if (changes.engagementIds.length) {
      await tx.insert(agreementEngagements).values(changes.engagementIds.map((engagementId) => ({ agreementId: id, engagementId })));
    }
  }
}

/** Loads the written agreement fresh (after the transaction), past any earlier cached read. */
async function reload(ctx: Ctx, id: string) {
  const agreement = await agreementLoader(ctx).clear(id).load(id);
  if (!agreement) throw new NotFoundError('Agreement', id);
  return agreement;
}

@Resolver()
export class AgreementMutationResolver {
  @Authorized(WRITE)
  @Mutation(() => Agreement, {
    description: 'Records an agreement. The same idempotencyKey with the same input returns the first result.',
  })
  async recordAgreement(
    @Arg('input', () => RecordAgreementInput) input: RecordAgreementInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ) {
    const changes = await validateAgreement(ctx, input);
    const { ids } = await runMutation(
      ctx,
      { name: 'recordAgreement', objectType: 'Agreement', idempotencyKey, input },
      async (tx) => {
        const { values } = changes;
        const id = newAgreementId(values.title!);
        await tx.insert(agreements).values({ ...values, id, title: values.title!, kind: values.kind!, status: values.status!, maxTlp: values.maxTlp! });
        await replaceLinks(tx, id, changes);
        return { ids: [id] };
      },
    );
    return reload(ctx, ids[0]);
  }

  @Authorized(WRITE)
  @Mutation(() => Agreement, {
    description: 'Changes the given fields if the agreement is still at expectedVersion (else CONFLICT).',
  })
  async updateAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateAgreementInput) input: UpdateAgreementInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ) {
    // Validated against the row as read now; a later change moves its version, and then
    // updateVersioned refuses with CONFLICT, so no write rests on a stale check.
    const [current] = await ctx.db.select().from(agreements).where(eq(agreements.id, id));
    if (!current) throw new NotFoundError('Agreement', id);
    const changes = await validateAgreement(ctx, input, current);
    await runMutation(
      ctx,
      { name: 'updateAgreement', objectType: 'Agreement', idempotencyKey, input: { id, expectedVersion, input } },
      async (tx) => {
        // The version check comes first: a stale update must not touch the links either.
        await updateVersioned(tx, agreements, agreements, id, expectedVersion, changes.values, 'Agreement');
        await replaceLinks(tx, id, changes);
        return { ids: [id] };
      },
    );
    return reload(ctx, id);
  }
}
