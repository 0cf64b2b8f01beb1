import { ConnectionType, Tlp } from '@iag/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DeliveryChannel {
  EMAIL = 'EMAIL',
  PORTAL = 'PORTAL',
  TAXII = 'TAXII',
  BRIEFING = 'BRIEFING',
}
registerEnumType(DeliveryChannel, {
  name: 'DeliveryChannel',
  description: 'How a product reached its recipient.',
  valuesConfig: {
    EMAIL: { description: "Encrypted mail to the partner's registered address." },
    PORTAL: { description: "Published to the partner's view of the sharing portal." },
    TAXII: { description: "Pushed to the partner's TAXII 2.1 collection." },
    BRIEFING: { description: 'Given in person or by secure call, for the most restricted products.' },
  },
});

@ObjectType({ description: 'A threat product sent to a partner organization, and whether it was acknowledged.' })
@Directive('@key(fields: "id")')
export class Delivery {
  @Field(() => ID)
  id!: string;

  /** A CISA ThreatProduct id; `product` turns it into a reference. */
  productId!: string;

  /** A State Organization id; `recipient` turns it into a reference. */
  recipientId!: string;

  @Field(() => DeliveryChannel)
  channel!: DeliveryChannel;

  @Field(() => Tlp, { description: 'The TLP of the product as delivered.' })
  tlp!: Tlp;

  @Field(() => String, {
    nullable: true,
    description: 'For TLP:RED, the `sub` of the one person in the recipient organization it went to.',
  })
  recipientIndividual!: string | null;

  @Field(() => Int, {
    description: 'The revision of the product delivered: each revision reaches a recipient at most once.',
  })
  revision!: number;

  @Field(() => Date)
  deliveredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null until the recipient confirms receipt.' })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The `sub` of whoever acknowledged it.' })
  acknowledgedBy!: string | null;

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;
}

// Declared once: the root list and `Organization.deliveries` share the type.
export const DeliveryConnection = ConnectionType(Delivery);
