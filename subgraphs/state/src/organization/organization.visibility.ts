import type { SubgraphContext } from '@iag/kit';
import { sql, type SQL } from '@iag/kit/orm';
import type { StateSchema } from '../db/schema';

/**
 * The organizations `ctx.principal` may see, as a condition on the `organizations` table; undefined
 * means all of them. Organizations are for authenticated callers only (docs/access.md): partners and
 * US government see every one, anonymous callers none. A SQL condition rather than a JavaScript
 * check so that nested lists (`Country.organizations`, `Agreement.parties`) filter the same way the
 * root list does and the by-id loader can tell hidden from missing.
 */
export function visibleOrganizations(ctx: SubgraphContext<StateSchema>): SQL | undefined {
  return ctx.principal.kind === 'ANONYMOUS' ? sql`false` : undefined;
}

/** The same rule as a boolean column, for `organization(id)` and `_entities`. */
export function organizationVisibleColumn(ctx: SubgraphContext<StateSchema>) {
  return sql<boolean>`(${visibleOrganizations(ctx) ?? sql`true`})`.mapWith(Boolean).as('visible');
}
