import { Field, Float, Int, ObjectType } from 'type-graphql';

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
