import { Validator, runMutation, type SubgraphContext } from '@iag/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { deliveries, type PartnersSchema } from '../db/schema';
import { DISSEMINATION_LIMITS, DeliveryIntentInput, RecordDeliveriesResult } from './delivery.dissemination.input';

type Ctx = SubgraphContext<PartnersSchema>;

/** The id of a disseminated delivery: derived from its natural key, so a retry names the same row. */
export const disseminatedDeliveryId = (productId: string, recipientId: string, revision: number) =>
  `dlv-${productId}-${recipientId}-r${revision}`;

/** Every problem with the batch at once, one BAD_USER_INPUT per field (`deliveries[3].revision`). */
function validate(intents: readonly DeliveryIntentInput[]): void {
  const v = new Validator();
  if (intents.length < 1 || intents.length > DISSEMINATION_LIMITS.maxBatch) {
    v.add('deliveries', `must hold 1 to ${DISSEMINATION_LIMITS.maxBatch} deliveries`);
  }
  const id = (field: string, value: string) => {
    if (!DISSEMINATION_LIMITS.idFormat.test(value)) {
      v.add(field, 'must be 1 to 128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');
    }
  };
  intents.forEach((intent, i) => {
    const at = `deliveries[${i}]`;
    id(`${at}.productId`, intent.productId);
    v.int(`${at}.revision`, intent.revision, 1, DISSEMINATION_LIMITS.maxRevision);
    id(`${at}.recipientId`, intent.recipientId);
    v.text(`${at}.recipientIndividual`, intent.recipientIndividual, {
      max: DISSEMINATION_LIMITS.recipientIndividual,
      required: false,
    });
    id(`${at}.intentId`, intent.intentId);
  });
  v.done();
}

@Resolver()
export class DeliveryDisseminationResolver {
  /**
   * CISA's dispatcher records the deliveries it made, calling this subgraph directly. Idempotent by
   * the natural key (product, recipient, revision): a retried or concurrent call records nothing
   * twice, so it needs no idempotency key.
   */
  @Authorized('deliveries:write')
  @Mutation(() => RecordDeliveriesResult, {
    description:
      'Records deliveries made by CISA dissemination, at most one per product, recipient and revision. ' +
      'Deliveries already recorded are left unchanged and counted as alreadyPresent.',
  })
  async recordDeliveries(
    @Arg('deliveries', () => [DeliveryIntentInput]) intents: DeliveryIntentInput[],
    @Ctx() ctx: Ctx,
  ): Promise<RecordDeliveriesResult> {
    validate(intents);

    const deliveredAt = new Date();
    // In natural-key order, so that concurrent batches take the unique index's locks in one order
    // and cannot deadlock on each other.
    const values = intents
      .map((intent) => ({
        id: disseminatedDeliveryId(intent.productId, intent.recipientId, intent.revision),
        productId: intent.productId,
        recipientId: intent.recipientId,
        revision: intent.revision,
        channel: intent.channel,
        tlp: intent.tlp,
        recipientIndividual: intent.recipientIndividual?.trim() || null,
        deliveredAt,
      }))
      .sort((a, b) => compare(a.productId, b.productId) || compare(a.recipientId, b.recipientId) || a.revision - b.revision);

    const { inserted } = await runMutation(
      ctx,
      { name: 'recordDeliveries', objectType: 'Delivery', input: intents },
      async (tx) => {
        const rows = await tx
          .insert(deliveries)
          .values(values)
          .onConflictDoNothing({ target: [deliveries.productId, deliveries.recipientId, deliveries.revision] })
          .returning({ id: deliveries.id });
        const ids = rows.map((row) => row.id);
        return { ids: ids.length ? ids : ['none'], inserted: ids.length };
      },
    );
    return { recorded: inserted, alreadyPresent: intents.length - inserted };
  }
}

/** Code-point order, the same on every replica (not locale-dependent). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
