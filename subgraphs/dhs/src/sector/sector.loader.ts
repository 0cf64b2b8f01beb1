import { DataLoader, byKey, groupByKey, type SubgraphContext } from '@iag/kit';
import { asc, eq, inArray } from '@iag/kit/orm';
import { engagementSectors, sectors, type DhsSchema } from '../db/schema';

export type SectorRow = typeof sectors.$inferSelect;
type Ctx = SubgraphContext<DhsSchema>;

/** Sectors by code, one `in (...)` query per request tick; sectors are public reference data. */
export function sectorLoader(ctx: Ctx) {
  return ctx.loaders.get('sector', () =>
    new DataLoader<string, SectorRow | null>(async (codes) => {
      const rows = await ctx.db.select().from(sectors).where(inArray(sectors.code, [...codes]));
      return byKey(codes, rows, (row) => row.code);
    }),
  );
}

/** The sectors each engagement concerns, by name. */
export function sectorsByEngagementLoader(ctx: Ctx) {
  return ctx.loaders.get('sectorsByEngagement', () =>
    new DataLoader<string, SectorRow[]>(async (engagementIds) => {
      const rows = await ctx.db
        .select({ engagementId: engagementSectors.engagementId, sector: sectors })
        .from(engagementSectors)
        .innerJoin(sectors, eq(sectors.code, engagementSectors.sectorCode))
        .where(inArray(engagementSectors.engagementId, [...engagementIds]))
        .orderBy(asc(sectors.name));
      return groupByKey(engagementIds, rows, (row) => row.engagementId).map((list) => list.map((r) => r.sector));
    }),
  );
}
