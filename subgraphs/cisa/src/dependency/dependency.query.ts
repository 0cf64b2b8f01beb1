import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { count } from '@iag/kit/orm';
import { dependencies, type CisaSchema } from '../db/schema';
import type { DependenciesArgs } from './dependency.args';
import { dependencyWhere } from './dependency.filter';
import { dependencyOrderBy } from './dependency.order';

/** The filtered list behind `dependencies`. */
export async function listDependencies(ctx: SubgraphContext<CisaSchema>, args: DependenciesArgs) {
  const page = toPage(args);
  const where = dependencyWhere(args);
  const rows = await ctx.db
    .select()
    .from(dependencies)
    .where(where)
    .orderBy(...dependencyOrderBy(args.orderBy))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(dependencies).where(where);
    return total;
  });
}
