import { DataLoader, groupByKey, type SubgraphContext } from '@iag/kit';
import { asc, inArray } from '@iag/kit/orm';
import { engagementPartners, type DhsSchema } from '../db/schema';

/** The ids of each engagement's partner organizations; State resolves the rest of each one. */
export function partnerIdsByEngagementLoader(ctx: SubgraphContext<DhsSchema>) {
  return ctx.loaders.get('partnerIdsByEngagement', () =>
    new DataLoader<string, string[]>(async (engagementIds) => {
      const rows = await ctx.db
        .select()
        .from(engagementPartners)
        .where(inArray(engagementPartners.engagementId, [...engagementIds]))
        .orderBy(asc(engagementPartners.organizationId));
      const byEngagement = groupByKey(engagementIds, rows, (row) => row.engagementId);
      return byEngagement.map((list) => list.map((row) => row.organizationId));
    }),
  );
}
