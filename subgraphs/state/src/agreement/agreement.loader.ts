import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { and, asc, eq, getTableColumns, inArray } from '@iag/kit/orm';
import { agreementEngagements, agreementParties, agreements, type StateSchema } from '../db/schema';
import { agreementVisibleColumn, visibleAgreements } from './agreement.visibility';

export type AgreementRow = typeof agreements.$inferSelect;
/** A row looked up by id, with whether the caller may see it (the visibility rule, computed in SQL). */
export type CheckedAgreementRow = AgreementRow & { visible: boolean };
type Ctx = SubgraphContext<StateSchema>;

/**
 * Agreements by id, hidden ones included but marked `visible: false`: `agreement(id)` and `_entities`
 * must tell a hidden agreement (FORBIDDEN) from a missing one. Every caller must check `visible`
 * before returning the row; lists never use this loader.
 */
export function agreementLoader(ctx: Ctx) {
  return ctx.loaders.get('agreement', () =>
    new DataLoader<string, CheckedAgreementRow | null>(async (ids) => {
      const rows = await ctx.db
        .select({ ...getTableColumns(agreements), visible: agreementVisibleColumn(ctx) })
        .from(agreements)
        .where(inArray(agreements.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/** Each organization's agreements the caller may see (a nested list: hidden ones are left out). */
export function agreementsByOrganizationLoader(ctx: Ctx) {
  return ctx.loaders.get('agreementsByOrganization', () =>
    new DataLoader<string, AgreementRow[]>(async (organizationIds) => {
      const rows = await ctx.db
        .select({ organizationId: agreementParties.organizationId, agreement: agreements })
        .from(agreementParties)
        .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
        .where(and(inArray(agreementParties.organizationId, [...organizationIds]), visibleAgreements(ctx)))
        .orderBy(asc(agreements.effectiveFrom), asc(agreements.id));
      return groupByKey(organizationIds, rows, (row) => row.organizationId).map((list) => list.map((r) => r.agreement));
    }),
  );
}

/**
 * The agreement an engagement was carried out under, if any (at most one is recorded per
 * engagement); null, not an error, when the caller may not see it, as for any filtered list.
 */
export function agreementByEngagementLoader(ctx: Ctx) {
  return ctx.loaders.get('agreementByEngagement', () =>
    new DataLoader<string, AgreementRow | null>(async (engagementIds) => {
      const rows = await ctx.db
        .select({ engagementId: agreementEngagements.engagementId, agreement: agreements })
        .from(agreementEngagements)
        .innerJoin(agreements, eq(agreements.id, agreementEngagements.agreementId))
        .where(and(inArray(agreementEngagements.engagementId, [...engagementIds]), visibleAgreements(ctx)));
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
