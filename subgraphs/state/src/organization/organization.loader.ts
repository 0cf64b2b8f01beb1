import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { asc, eq, inArray } from '@iag/kit/orm';
import { agreementParties, organizations, type StateSchema } from '../db/schema';

export type OrganizationRow = typeof organizations.$inferSelect;
type Ctx = SubgraphContext<StateSchema>;

export function organizationLoader(ctx: Ctx) {
  return ctx.loaders.get('organization', () =>
    new DataLoader<string, OrganizationRow | null>(async (ids) => {
      const rows = await ctx.db.select().from(organizations).where(inArray(organizations.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

export function organizationsByCountryLoader(ctx: Ctx) {
  return ctx.loaders.get('organizationsByCountry', () =>
    new DataLoader<string, OrganizationRow[]>(async (codes) => {
      const rows = await ctx.db
        .select()
        .from(organizations)
        .where(inArray(organizations.countryCode, [...codes]))
        .orderBy(asc(organizations.name));
      return groupByKey(codes, rows, (row) => row.countryCode!);
    }),
  );
}

/** The parties of each agreement, in name order. */
export function partiesByAgreementLoader(ctx: Ctx) {
  return ctx.loaders.get('partiesByAgreement', () =>
    new DataLoader<string, OrganizationRow[]>(async (agreementIds) => {
      const rows = await ctx.db
        .select({ agreementId: agreementParties.agreementId, organization: organizations })
        .from(agreementParties)
        .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
        .where(inArray(agreementParties.agreementId, [...agreementIds]))
        .orderBy(asc(organizations.name));
      return groupByKey(agreementIds, rows, (row) => row.agreementId).map((list) => list.map((r) => r.organization));
    }),
  );
}
