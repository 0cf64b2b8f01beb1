import type { SubgraphContext } from '@iag/kit';
import type { SQL } from '@iag/kit/orm';
import type { PartnersSchema } from '../db/schema';

/**
 * The one place that decides which sightings the caller may see, as a condition ANDed into every
 * query of sightings (lists, per-parent loaders, references). `undefined` means all of them.
 *
 * Every principal sees all for now; the access work makes a partner see only the sightings its own
 * organization reported (`eq(sightings.organizationId, ctx.principal.organizationId)`).
 */
export function visibleSightings(_ctx: SubgraphContext<PartnersSchema>): SQL | undefined {
  return undefined;
}
