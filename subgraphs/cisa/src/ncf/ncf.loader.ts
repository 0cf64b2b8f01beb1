import { DataLoader, byKey, type SubgraphContext } from '@iag/kit';
import { inArray } from '@iag/kit/orm';
import { nationalCriticalFunctions, type CisaSchema } from '../db/schema';

export type NcfRow = typeof nationalCriticalFunctions.$inferSelect;

/** Functions by code, one `in (...)` query per request tick. */
export function ncfLoader(ctx: SubgraphContext<CisaSchema>) {
  return ctx.loaders.get('nationalCriticalFunction', () =>
    new DataLoader<string, NcfRow | null>(async (codes) => {
      const rows = await ctx.db
        .select()
        .from(nationalCriticalFunctions)
        .where(inArray(nationalCriticalFunctions.code, [...codes]));
      return byKey(codes, rows, (row) => row.code);
    }),
  );
}
