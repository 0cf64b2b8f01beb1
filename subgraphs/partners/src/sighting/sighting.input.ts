import { Field, ID, InputType, Int } from 'type-graphql';
import { SightingKind } from './sighting.type';

/** The limits `reportSighting` checks; the database checks only `count >= 1`. */
export const SIGHTING_LIMITS = {
  indicatorValue: 500,
  comment: 4000,
  maxCount: 1_000_000,
  /** How far ahead of the server's clock `observedAt` may be, for clock skew. */
  futureSkewMs: 5 * 60_000,
  earliestObservedAt: new Date('2000-01-01T00:00:00Z'),
} as const;

@InputType({ description: "A partner's report about a product delivered to its organization." })
export class ReportSightingInput {
  @Field(() => ID, { description: 'A threat product delivered to your organization.' })
  productId!: string;

  @Field(() => SightingKind)
  kind!: SightingKind;

  @Field(() => String, {
    nullable: true,
    description: `The indicator seen (IP address, domain, hash), 1 to ${SIGHTING_LIMITS.indicatorValue} characters.`,
  })
  indicatorValue?: string | null;

  @Field(() => Date, { description: 'When it was seen or done: not after now (5 minutes of skew allowed), not before 2000.' })
  observedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: `How many times it was seen, 1 to ${SIGHTING_LIMITS.maxCount.toLocaleString('en-US')}.`,
  })
  count?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${SIGHTING_LIMITS.comment} characters.` })
  comment?: string | null;
}
