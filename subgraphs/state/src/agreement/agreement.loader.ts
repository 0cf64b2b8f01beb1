import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { asc, eq, inArray } from '@iag/kit/orm';
import { agreementEngagements, agreementParties, agreements, type StateSchema } from '../db/schema';

export type AgreementRow = typeof agreements.$inferSelect;
type Ctx = SubgraphContext<StateSchema>;

export function agreementLoader(ctx: Ctx) {
  return ctx.loaders.get('agreement', () =>
    new DataLoader<string, AgreementRow | null>(async (ids) => {
      const rows = await ctx.db.select().from(agreements).where(inArray(agreements.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

export function agreementsByOrganizationLoader(ctx: Ctx) {
  return ctx.loaders.get('agreementsByOrganization', () =>
    new DataLoader<string, AgreementRow[]>(async (organizationIds) => {
      const rows = await ctx.db
        .select({ organizationId: agreementParties.organizationId, agreement: agreements })
        .from(agreementParties)
        .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
        .where(inArray(agreementParties.organizationId, [...organizationIds]))
        .orderBy(asc(agreements.effectiveFrom), asc(agreements.id));
      return groupByKey(organizationIds, rows, (row) => row.organizationId).map((list) => list.map((r) => r.agreement));
    }),
  );
}

/** The agreement an engagement was carried out under, if any (at most one is recorded per engagement). */
export function agreementByEngagementLoader(ctx: Ctx) {
  return ctx.loaders.get('agreementByEngagement', () =>
    new DataLoader<string, AgreementRow | null>(async (engagementIds) => {
      const rows = await ctx.db
        .select({ engagementId: agreementEngagements.engagementId, agreement: agreements })
        .from(agreementEngagements)
        .innerJoin(agreements, eq(agreements.id, agreementEngagements.agreementId))
        .where(inArray(agreementEngagements.engagementId, [...engagementIds]));
      return byKey(engagementIds, rows, (row) => row.engagementId).map((row) => row?.agreement ?? null);
    }),
  );
}

export function engagementIdsByAgreementLoader(ctx: Ctx) {
  return ctx.loaders.get('engagementIdsByAgreement', () =>
    new DataLoader<string, string[]>(async (agreementIds) => {
      const rows = await ctx.db
        .select()
        .from(agreementEngagements)
        .where(inArray(agreementEngagements.agreementId, [...agreementIds]))
        .orderBy(asc(agreementEngagements.engagementId));
      return groupByKey(agreementIds, rows, (row) => row.agreementId).map((list) => list.map((r) => r.engagementId));
    }),
  );
}
