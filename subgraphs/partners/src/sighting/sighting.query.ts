import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, desc, eq, type SQL } from '@iag/kit/orm';
import { sightings, type PartnersSchema } from '../db/schema';
import type { SightingsArgs } from './sighting.args';
import { visibleSightings } from './sighting.visibility';

/** The filtered list behind `sightings`, most recently reported first. */
export async function listSightings(ctx: SubgraphContext<PartnersSchema>, args: SightingsArgs) {
  const page = toPage(args);
  const filters: (SQL | undefined)[] = [visibleSightings(ctx)];
  if (args.product) filters.push(eq(sightings.productId, args.product));
  if (args.organization) filters.push(eq(sightings.organizationId, args.organization));
  if (args.kind) filters.push(eq(sightings.kind, args.kind));
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(sightings)
    .where(where)
    .orderBy(desc(sightings.reportedAt), asc(sightings.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(sightings).where(where);
    return total;
  });
}
