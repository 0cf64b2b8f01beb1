import { PageArgs } from '@iag/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { DeliveryChannel } from './delivery.type';

@ArgsType()
export class DeliveriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only deliveries of this threat product.' })
  product?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only deliveries to this organization.' })
  recipient?: string | null;

  @Field(() => DeliveryChannel, { nullable: true })
  channel?: DeliveryChannel | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only acknowledged; false: only still unacknowledged.' })
  acknowledged?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Only deliveries made strictly after this instant.' })
  deliveredAfter?: Date | null;
}
