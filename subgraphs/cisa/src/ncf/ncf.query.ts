import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { asc, count, eq } from '@iag/kit/orm';
import { nationalCriticalFunctions, type CisaSchema } from '../db/schema';
import type { NationalCriticalFunctionsArgs } from './ncf.args';

/** The list behind `nationalCriticalFunctions`: public reference data, by area then name. */
export async function listNationalCriticalFunctions(
  ctx: SubgraphContext<CisaSchema>,
  args: NationalCriticalFunctionsArgs,
) {
  const page = toPage(args);
  const where = args.area ? eq(nationalCriticalFunctions.area, args.area) : undefined;
  const rows = await ctx.db
    .select()
    .from(nationalCriticalFunctions)
    .where(where)
    .orderBy(asc(nationalCriticalFunctions.area), asc(nationalCriticalFunctions.name))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(nationalCriticalFunctions).where(where);
    return total;
  });
}
