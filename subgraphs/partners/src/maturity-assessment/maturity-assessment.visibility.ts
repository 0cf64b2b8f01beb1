import { hasScope, type SubgraphContext } from '@iag/kit';
import { sql, type SQL } from '@iag/kit/orm';
import type { PartnersSchema } from '../db/schema';

/** The scope that grants maturity assessments: US government only, never partners (docs/access.md). */
export const MATURITY_READ = 'maturity:read';

/**
 * The row rule for maturity assessments, ANDed into every query of them. The fields themselves
 * refuse callers without `maturity:read` (FORBIDDEN, see the resolvers), so this is the second
 * line: should a new path forget the check, it still returns no assessment rather than all of them.
 */
export function visibleMaturityAssessments(ctx: SubgraphContext<PartnersSchema>): SQL | undefined {
  return hasScope(ctx.principal, MATURITY_READ) ? undefined : sql`false`;
}
