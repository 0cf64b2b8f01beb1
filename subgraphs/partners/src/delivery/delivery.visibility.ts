import { hasScope, type SubgraphContext } from '@iag/kit';
import { eq, sql, type SQL } from '@iag/kit/orm';
import { deliveries, type PartnersSchema } from '../db/schema';

/**
 * The one place that decides which deliveries the caller may see (docs/access.md): partners only
 * their own organization's, US government only with `deliveries:read`, anonymous callers none.
 *
 * It is ANDed into every query of deliveries (lists, counts, per-parent pages and loaders), so a
 * `totalCount` never counts a hidden row; the by-id loader selects it as a `visible` column instead,
 * to tell a hidden delivery from a missing one without restating the rule in JavaScript. Hence it is
 * always a condition, never `undefined`.
 */
export function visibleDeliveries(ctx: SubgraphContext<PartnersSchema>): SQL {
  const { principal } = ctx;
  if (principal.kind === 'PARTNER') {
    // A partner token without an organization names nobody's deliveries.
    return principal.organizationId ? eq(deliveries.recipientId, principal.organizationId) : sql`false`;
  }
  return hasScope(principal, 'deliveries:read') ? sql`true` : sql`false`;
}
