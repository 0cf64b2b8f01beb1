import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { and, asc, desc, inArray } from '@iag/kit/orm';
import { maturityAssessments, type PartnersSchema } from '../db/schema';
import { visibleMaturityAssessments } from './maturity-assessment.visibility';

export type MaturityAssessmentRow = typeof maturityAssessments.$inferSelect;
type Ctx = SubgraphContext<PartnersSchema>;

/** Assessments by id, for `maturityAssessment(id)` and `_entities`; null for unknown or invisible ids. */
export function maturityAssessmentLoader(ctx: Ctx) {
  return ctx.loaders.get('maturityAssessment', () =>
    new DataLoader<string, MaturityAssessmentRow | null>(async (ids) => {
      const rows = await ctx.db
        .select()
        .from(maturityAssessments)
        .where(and(inArray(maturityAssessments.id, [...ids]), visibleMaturityAssessments(ctx)));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/**
 * Each organization's latest assessment (`Organization.maturity`): `distinct on` keeps the first
 * row per organization in the order given, so one statement serves any number of organizations.
 */
export function latestMaturityByOrganizationLoader(ctx: Ctx) {
  return ctx.loaders.get('latestMaturityByOrganization', () =>
    new DataLoader<string, MaturityAssessmentRow | null>(async (organizationIds) => {
      const rows = await ctx.db
        .selectDistinctOn([maturityAssessments.organizationId])
        .from(maturityAssessments)
        .where(and(inArray(maturityAssessments.organizationId, [...organizationIds]), visibleMaturityAssessments(ctx)))
        // Ties on a date go to the assessment recorded last.
        .orderBy(
          asc(maturityAssessments.organizationId),
          desc(maturityAssessments.assessedOn),
          desc(maturityAssessments.createdAt),
          desc(maturityAssessments.id),
        );
      return byKey(organizationIds, rows, (row) => row.organizationId);
    }),
  );
}

/** Every assessment of each organization, newest first (`Organization.maturityHistory`). */
export function maturityHistoryByOrganizationLoader(ctx: Ctx) {
  return ctx.loaders.get('maturityHistoryByOrganization', () =>
    new DataLoader<string, MaturityAssessmentRow[]>(async (organizationIds) => {
      const rows = await ctx.db
        .select()
        .from(maturityAssessments)
        .where(and(inArray(maturityAssessments.organizationId, [...organizationIds]), visibleMaturityAssessments(ctx)))
        .orderBy(
          desc(maturityAssessments.assessedOn),
          desc(maturityAssessments.createdAt),
          desc(maturityAssessments.id),
        );
      return groupByKey(organizationIds, rows, (row) => row.organizationId);
    }),
  );
}
