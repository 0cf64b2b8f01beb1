import type { SubgraphContext } from '@iag/kit';
import { and, eq, exists, sql, type SQL } from '@iag/kit/orm';
import { agreementParties, agreements, type StateSchema } from '../db/schema';

/**
 * The agreements `ctx.principal` may see, as a condition on the `agreements` table; undefined means
 * all of them. The one place the rule lives (docs/access.md): every agreement list, count and loader
 * ANDs it into its WHERE, and the by-id loader selects it as a column, so lists, root fields and
 * `_entities` cannot disagree.
 *
 * - US government: every agreement.
 * - Partner: those its organization is a party to (an EXISTS on agreement_parties).
 * - Anonymous, or a partner token without an organization: none.
 */
export function visibleAgreements(ctx: SubgraphContext<StateSchema>): SQL | undefined {
  const { principal } = ctx;
  if (principal.kind === 'US_GOVERNMENT') return undefined;
  if (principal.kind === 'PARTNER' && principal.organizationId) {
    const isParty = ctx.db
      .select({ one: sql`1` })
      .from(agreementParties)
      .where(
        and(eq(agreementParties.agreementId, agreements.id), eq(agreementParties.organizationId, principal.organizationId)),
      );
    return exists(isParty);
  }
  // A constant, not a thrown error: lists stay lists (empty, totalCount 0) for callers who see none.
  return sql`false`;
}

/**
 * The same rule as a boolean column, for single-object paths that must tell "hidden" (FORBIDDEN)
 * from "missing" (NOT_FOUND / null) without restating the rule in JavaScript.
 */
export function agreementVisibleColumn(ctx: SubgraphContext<StateSchema>) {
  return sql<boolean>`(${visibleAgreements(ctx) ?? sql`true`})`.mapWith(Boolean).as('visible');
}
