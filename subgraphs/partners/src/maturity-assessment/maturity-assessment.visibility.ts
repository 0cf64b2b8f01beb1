import type { SubgraphContext } from '@iag/kit';
import type { SQL } from '@iag/kit/orm';
import type { PartnersSchema } from '../db/schema';

/**
 * The one place that decides which maturity assessments the caller may see, as a condition ANDed
 * into every query of them (lists, `Organization.maturity` and history, references). `undefined`
 * means all of them.
 *
 * Every principal sees all for now; the access work hides them from partners entirely (maturity is
 * US-government-only), e.g. `ctx.principal.kind === 'US_GOVERNMENT' ? undefined : sql\`false\``.
 */
export function visibleMaturityAssessments(_ctx: SubgraphContext<PartnersSchema>): SQL | undefined {
  return undefined;
}
