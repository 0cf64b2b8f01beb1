import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization.type';

@ObjectType({ description: 'The dissemination outbox: what is still to be delivered to partners, and how late it is.' })
export class DisseminationStatus {
  @Field(() => Int, { description: 'Deliveries (product revision × recipient organization) not yet accepted by Partners.' })
  pending!: number;

  @Field(() => Int, { description: 'Pending deliveries that have failed at least once and wait for a retry.' })
  failing!: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest pending delivery was queued; null when none is pending.' })
  oldestPendingAt!: Date | null;

  @Field(() => Float, { description: 'Seconds since the oldest pending delivery was queued; 0 when none is pending.' })
  lagSeconds!: number;

  @Field(() => Int, { description: 'Deliveries accepted by Partners.' })
  dispatched!: number;

  @Field(() => String, { nullable: true, description: 'The latest failure of a pending delivery (a short message), if any.' })
  lastError!: string | null;
}

@ObjectType({ description: 'A delivery still to be accepted by Partners: one product revision for one organization.' })
export class PendingDelivery {
  /** Resolved through the product rule (pending-deliveries.resolver.ts). */
  productId!: string;

  @Field(() => Int)
  revision!: number;

  @Field(() => Organization)
  recipient!: Organization;

  @Field(() => Date, { description: 'When it was queued (with the publication, revision or withdrawal).' })
  queuedAt!: Date;

  @Field(() => Int, { description: 'Failed attempts so far.' })
  attempts!: number;

  @Field(() => Date, { description: 'When the dispatcher will try again (after a backoff that doubles with each failure).' })
  nextAttemptAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (a short message).' })
  lastError!: string | null;
}

@ArgsType()
export class PendingDeliveriesArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many, oldest queued first; at most 100.' })
  first!: number;
}
