import type { SubgraphContext } from '@iag/kit';
import type { SQL } from '@iag/kit/orm';
import type { CisaSchema } from '../db/schema';

/**
 * The one row rule for threat products: every query that reads `threat_products` (lists, nested
 * pages, loaders, `_entities`) ANDs this into its WHERE, so a product hidden from the caller is
 * hidden everywhere at once. Undefined means no restriction.
 *
 * For now every product is visible to everyone. The TLP 2.0 and audience rules (docs: DESIGN.md,
 * "Identity and access") read `ctx.principal` and belong here, and only here.
 */
export function visibleProducts(ctx: SubgraphContext<CisaSchema>): SQL | undefined {
  return undefined;
}
