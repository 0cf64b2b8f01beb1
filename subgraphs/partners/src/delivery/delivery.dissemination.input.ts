import { Tlp } from '@iag/kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DeliveryChannel } from './delivery.type';

/** The limits `recordDeliveries` checks. */
export const DISSEMINATION_LIMITS = {
  /** Deliveries in one call. */
  maxBatch: 500,
  maxRevision: 10_000,
  /** Product, recipient and intent ids. */
  idFormat: /^[a-z0-9][a-z0-9._:-]{0,127}$/i,
  recipientIndividual: 200,
} as const;

@InputType({ description: "One delivery CISA's dispatcher made: a product revision sent to a partner organization." })
export class DeliveryIntentInput {
  @Field(() => ID, { description: 'The CISA ThreatProduct delivered.' })
  productId!: string;

  @Field(() => Int, { description: `The product revision delivered, 1 to ${DISSEMINATION_LIMITS.maxRevision}.` })
  revision!: number;

  @Field(() => ID, { description: 'The State Organization it went to.' })
  recipientId!: string;

  @Field(() => Tlp, { description: 'The TLP of the product as delivered.' })
  tlp!: Tlp;

  @Field(() => DeliveryChannel)
  channel!: DeliveryChannel;

  @Field(() => String, {
    nullable: true,
    description: 'For TLP:RED, the `sub` of the one person in the recipient organization it went to.',
  })
  recipientIndividual?: string | null;

  @Field(() => String, { description: "The dispatcher's own id for this delivery (its outbox entry)." })
  intentId!: string;
}

@ObjectType({ description: 'What `recordDeliveries` did: every intent is either recorded now or was already.' })
export class RecordDeliveriesResult {
  @Field(() => Int, { description: 'Deliveries recorded by this call.' })
  recorded!: number;

  @Field(() => Int, {
    description: 'Deliveries already recorded (same product, recipient and revision), left unchanged.',
  })
  alreadyPresent!: number;
}
