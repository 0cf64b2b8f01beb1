import type { SubgraphContext } from '@iag/kit';
import { and, arrayContains, eq, ne, or, sql, type SQL } from '@iag/kit/orm';
import { threatProducts, type CisaSchema } from '../db/schema';

// A condition the caller cannot meet. `and(x, undefined)` would drop the missing part and widen the
// rule, so every "does not apply to this caller" is spelled as an explicit false instead.
const never = sql`false`;

/**
 * The one row rule for threat products (docs/access.md, "What each caller sees"): every query that
 * reads `threat_products` (lists, nested pages, loaders, `_entities`) ANDs this into its WHERE, so a
 * product hidden from the caller is hidden everywhere at once. The by-id loaders also select it as a
 * column, to tell "hidden" from "missing" without restating the rule in JavaScript.
 *
 * It always returns a predicate (never undefined): no caller sees every product, since RED products
 * name their readers one by one.
 */
export function visibleProducts(ctx: SubgraphContext<CisaSchema>): SQL | undefined {
  const p = ctx.principal;
  const t = threatProducts;
  const us = p.kind === 'US_GOVERNMENT';
  const authenticated = p.kind !== 'ANONYMOUS';

  // Who the caller is, as conditions on the product's audience columns (text[]: GIN-indexed `@>`).
  const isAuthor = p.sub ? arrayContains(t.authors, [p.sub]) : never;
  const isNamed = p.sub ? arrayContains(t.audienceIndividuals, [p.sub]) : never;
  const orgInAudience =
    p.kind === 'PARTNER' && p.organizationId ? arrayContains(t.audienceOrganizations, [p.organizationId]) : never;
  const ownAgency = us && p.agency ? eq(t.authorAgency, p.agency) : never;
  const agencyInAudience = us && p.agency ? arrayContains(t.audienceAgencies, [p.agency]) : never;

  // TLP 2.0 read with the audience. Withdrawn products keep their marking, so they follow the same rule.
  const byMarking = or(
    eq(t.tlp, 'CLEAR'),
    authenticated ? eq(t.tlp, 'GREEN') : never,
    and(eq(t.tlp, 'AMBER'), us ? sql`true` : orgInAudience),
    // The authoring agency is always in the audience by intent, even if a row forgot to list it.
    and(eq(t.tlp, 'AMBER_STRICT'), or(orgInAudience, agencyInAudience, ownAgency)),
    and(eq(t.tlp, 'RED'), isNamed),
  )!;

  // A draft is still the authoring agency's work in progress: its marking applies only once it is out,
  // so outside that agency nobody but its authors sees it, whatever the audience says.
  const released = or(ne(t.status, 'DRAFT'), ownAgency)!;

  // Authors always see what they wrote, at any marking and status.
  return or(isAuthor, and(released, byMarking))!;
}
