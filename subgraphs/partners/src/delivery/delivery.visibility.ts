import type { SubgraphContext } from '@iag/kit';
import type { SQL } from '@iag/kit/orm';
import type { PartnersSchema } from '../db/schema';

/**
 * The one place that decides which deliveries the caller may see, as a condition ANDed into every
 * query of deliveries (lists, per-parent loaders, references). `undefined` means all of them.
 *
 * Every principal sees all for now; the access work makes a partner see only its own
 * organization's deliveries (`eq(deliveries.recipientId, ctx.principal.organizationId)`).
 */
export function visibleDeliveries(_ctx: SubgraphContext<PartnersSchema>): SQL | undefined {
  return undefined;
}
