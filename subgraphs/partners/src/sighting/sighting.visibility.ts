import { hasScope, type SubgraphContext } from '@iag/kit';
import { eq, sql, type SQL } from '@iag/kit/orm';
import { sightings, type PartnersSchema } from '../db/schema';

/**
 * The one place that decides which sightings the caller may see (docs/access.md): partners only
 * those their own organization reported, US government only with `deliveries:read` (the scope
 * covers deliveries and sightings), anonymous callers none.
 *
 * It is ANDed into every query of sightings (lists, counts, per-parent pages and loaders); the
 * by-id loader selects it as a `visible` column instead, to tell a hidden sighting from a missing
 * one without restating the rule in JavaScript. Hence it is always a condition, never `undefined`.
 */
export function visibleSightings(ctx: SubgraphContext<PartnersSchema>): SQL {
  const { principal } = ctx;
  if (principal.kind === 'PARTNER') {
    // A partner token without an organization names nobody's sightings.
    return principal.organizationId ? eq(sightings.organizationId, principal.organizationId) : sql`false`;
  }
  return hasScope(principal, 'deliveries:read') ? sql`true` : sql`false`;
}
