import { ArgsType, Field, ID, Int } from 'type-graphql';

/** Deeper than this the paths say little and the walk grows fast on a dense graph. */
export const MAX_IMPACT_DEPTH = 6;

@ArgsType()
export class ImpactArgs {
  @Field(() => ID, { description: 'The asset assumed to fail.' })
  assetId!: string;

  @Field(() => Int, { defaultValue: 3, description: `How many links to follow from the failing asset, 1-${MAX_IMPACT_DEPTH}.` })
  maxDepth!: number;
}
