import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { and, asc, eq, getTableColumns, inArray } from '@iag/kit/orm';
import { agreementParties, organizations, type StateSchema } from '../db/schema';
import { organizationVisibleColumn, visibleOrganizations } from './organization.visibility';

export type OrganizationRow = typeof organizations.$inferSelect;
/** A row looked up by id, with whether the caller may see it (the visibility rule, computed in SQL). */
export type CheckedOrganizationRow = OrganizationRow & { visible: boolean };
type Ctx = SubgraphContext<StateSchema>;

/**
 * Organizations by id, hidden ones included but marked `visible: false`, so that `_entities` can
 * answer UNAUTHENTICATED for an organization that exists and null for one that does not. Every
 * caller must check `visible` before returning the row.
 */
export function organizationLoader(ctx: Ctx) {
  return ctx.loaders.get('organization', () =>
    new DataLoader<string, CheckedOrganizationRow | null>(async (ids) => {
      const rows = await ctx.db
        .select({ ...getTableColumns(organizations), visible: organizationVisibleColumn(ctx) })
        .from(organizations)
        .where(inArray(organizations.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/** Each country's organizations the caller may see (none for anonymous callers), by name. */
export function organizationsByCountryLoader(ctx: Ctx) {
  return ctx.loaders.get('organizationsByCountry', () =>
    new DataLoader<string, OrganizationRow[]>(async (codes) => {
      const rows = await ctx.db
        .select()
        .from(organizations)
        .where(and(inArray(organizations.countryCode, [...codes]), visibleOrganizations(ctx)))
        .orderBy(asc(organizations.name));
      return groupByKey(codes, rows, (row) => row.countryCode!);
    }),
  );
}

/**
 * The parties of each agreement, in name order. Reached only through an agreement the caller may
 * see, but filtered all the same so that no path hands an organization to an anonymous caller.
 */
export function partiesByAgreementLoader(ctx: Ctx) {
  return ctx.loaders.get('partiesByAgreement', () =>
    new DataLoader<string, OrganizationRow[]>(async (agreementIds) => {
      const rows = await ctx.db
        .select({ agreementId: agreementParties.agreementId, organization: organizations })
        .from(agreementParties)
        .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
        .where(and(inArray(agreementParties.agreementId, [...agreementIds]), visibleOrganizations(ctx)))
        .orderBy(asc(organizations.name));
      return groupByKey(agreementIds, rows, (row) => row.agreementId).map((list) => list.map((r) => r.organization));
    }),
  );
}
