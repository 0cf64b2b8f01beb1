import type { SubgraphContext } from '@iag/kit';
import { and, eq, exists, sql, type SQL } from '@iag/kit/orm';
import { engagementPartners, engagements, type DhsSchema } from '../db/schema';

/**
 * The engagements `ctx.principal` may see, as a condition on the `engagements` table; undefined
 * means all of them. The one place row access rules live (docs/access.md): every engagement list,
 * page, count and loader ANDs it into its WHERE, and the by-id loader selects it as a column, so
 * lists, root fields and `_entities` cannot disagree.
 *
 * - US government: every engagement.
 * - Partner: those its organization takes part in (an EXISTS on engagement_partners).
 * - Anonymous, or a partner token without an organization: none.
 */
export function visibleEngagements(ctx: SubgraphContext<DhsSchema>): SQL | undefined {
  const { principal } = ctx;
  if (principal.kind === 'US_GOVERNMENT') return undefined;
  if (principal.kind === 'PARTNER' && principal.organizationId) {
    const takesPart = ctx.db
      .select({ one: sql`1` })
      .from(engagementPartners)
      .where(
        and(
          eq(engagementPartners.engagementId, engagements.id),
          eq(engagementPartners.organizationId, principal.organizationId),
        ),
      );
    return exists(takesPart);
  }
  // A constant, not a thrown error: lists stay lists (empty, totalCount 0) for callers who see none.
  return sql`false`;
}

/**
 * The same rule as a boolean column, for single-object paths that must tell "hidden" (FORBIDDEN)
 * from "missing" (NOT_FOUND / null) without restating the rule in JavaScript.
 */
export function engagementVisibleColumn(ctx: SubgraphContext<DhsSchema>) {
  return sql<boolean>`(${visibleEngagements(ctx) ?? sql`true`})`.mapWith(Boolean).as('visible');
}
