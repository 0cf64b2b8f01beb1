import { ConnectionType } from '@iag/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SightingKind {
  INDICATOR_SEEN = 'INDICATOR_SEEN',
  ACTION_TAKEN = 'ACTION_TAKEN',
  FALSE_POSITIVE = 'FALSE_POSITIVE',
  FEEDBACK = 'FEEDBACK',
}
registerEnumType(SightingKind, {
  name: 'SightingKind',
  description: 'What a partner reports back about a product.',
  valuesConfig: {
    INDICATOR_SEEN: { description: "An indicator of the product was observed in the partner's networks." },
    ACTION_TAKEN: { description: 'The partner acted on the product: blocked, patched, notified.' },
    FALSE_POSITIVE: { description: 'An indicator matched benign activity and should be reviewed.' },
    FEEDBACK: { description: "Comments on the product's accuracy, timeliness or usefulness." },
  },
});

@ObjectType({ description: 'A partner reports seeing an indicator of a product, acting on it, or feedback on it.' })
@Directive('@key(fields: "id")')
export class Sighting {
  @Field(() => ID)
  id!: string;

  /** A CISA ThreatProduct id; `product` turns it into a reference. */
  productId!: string;

  /** A State Organization id, the reporting partner; `organization` turns it into a reference. */
  organizationId!: string;

  @Field(() => SightingKind)
  kind!: SightingKind;

  @Field(() => String, { nullable: true, description: 'The indicator seen (IP address, domain, hash), if any.' })
  indicatorValue!: string | null;

  @Field(() => Date, { description: 'When the partner saw it, or acted.' })
  observedAt!: Date;

  @Field(() => Date, { description: 'When the partner reported it.' })
  reportedAt!: Date;

  @Field(() => Int, { description: 'How many times it was seen, e.g. hosts or connections.' })
  count!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Int, { description: 'Incremented on every update; pass it back as expectedVersion.' })
  version!: number;
}

// Declared once: the root list and `Organization.sightings` share the type.
export const SightingConnection = ConnectionType(Sighting);
