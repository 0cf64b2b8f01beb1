import type { SubgraphContext } from '@iag/kit';
import type { SQL } from '@iag/kit/orm';
import type { DhsSchema } from '../db/schema';

/**
 * The engagements `ctx.principal` may see, as a condition on the `engagements` table; undefined
 * means all of them. The one place row access rules live: every engagement list, page, loader and
 * reference ANDs it into its WHERE, so lists and `_entities` cannot disagree.
 */
export function visibleEngagements(_ctx: SubgraphContext<DhsSchema>): SQL | undefined {
  // Every caller sees every engagement until the access rules land (partners: only engagements
  // their organization takes part in, an `exists` on engagement_partners).
  return undefined;
}
