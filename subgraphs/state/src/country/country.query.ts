import { likePattern, toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, eq, ilike, or, type SQL } from '@iag/kit/orm';
import { countries, type StateSchema } from '../db/schema';
import type { CountriesArgs } from './country.args';

/** The filtered list behind `countries`; country data is public, so no row rule applies. */
export async function listCountries(ctx: SubgraphContext<StateSchema>, args: CountriesArgs) {
  const page = toPage(args, 250);
  const filters: (SQL | undefined)[] = [];
  if (args.region) filters.push(eq(countries.region, args.region));
  if (args.search) {
    const pattern = likePattern(args.search);
    filters.push(or(ilike(countries.name, pattern), eq(countries.code, args.search.toUpperCase())));
  }
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(countries)
    .where(where)
    .orderBy(asc(countries.name))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(countries).where(where);
    return total;
  });
}
