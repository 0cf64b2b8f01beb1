import { DataLoader, byKey, type SubgraphContext } from '@iag/kit';
import { inArray } from '@iag/kit/orm';
import { countries, type StateSchema } from '../db/schema';

export type CountryRow = typeof countries.$inferSelect;

/** Countries by ISO code, one `in (...)` query per request tick. */
export function countryLoader(ctx: SubgraphContext<StateSchema>) {
  return ctx.loaders.get('country', () =>
    new DataLoader<string, CountryRow | null>(async (codes) => {
      const rows = await ctx.db.select().from(countries).where(inArray(countries.code, [...codes]));
      return byKey(codes, rows, (row) => row.code);
    }),
  );
}
