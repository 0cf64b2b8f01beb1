import type { SubgraphContext } from '@iag/kit';
import { asc } from '@iag/kit/orm';
import { sectors, type DhsSchema } from '../db/schema';

/** All 16 sectors by name: a fixed, public list, so neither paged nor filtered. */
export async function listSectors(ctx: SubgraphContext<DhsSchema>) {
  // Awaited here on purpose: a drizzle query is a lazy thenable that runs again on every `.then`,
  // and the resolver chain calls `.then` on a returned value more than once.
  const rows = await ctx.db.select().from(sectors).orderBy(asc(sectors.name));
  return rows;
}
