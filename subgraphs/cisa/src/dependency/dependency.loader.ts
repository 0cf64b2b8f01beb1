import { DataLoader, byKey, pagesByParent, toPage, type Connection, type SubgraphContext } from '@iag/kit';
import { inArray } from '@iag/kit/orm';
import { dependencies, type CisaSchema } from '../db/schema';
import type { DependencyPageArgs } from './dependency.args';
import { dependencyWhere } from './dependency.filter';
import { dependencyOrderBy } from './dependency.order';

export type DependencyRow = typeof dependencies.$inferSelect;
type Ctx = SubgraphContext<CisaSchema>;

export function dependencyLoader(ctx: Ctx) {
  return ctx.loaders.get('dependency', () =>
    new DataLoader<string, DependencyRow | null>(async (ids) => {
      const rows = await ctx.db.select().from(dependencies).where(inArray(dependencies.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

const parentColumns = {
  country: dependencies.countryCode,
  sector: dependencies.sectorCode,
  asset: dependencies.assetId,
};

/**
 * One page of active dependencies for each parent (country, sector or asset) of the request, in
 * one statement. Arguments are checked here, before batching, so a bad one fails only its field;
 * they are also part of the loader's name, since parents asked with different arguments cannot
 * share a statement.
 */
export function dependencyPagesLoader(ctx: Ctx, parent: keyof typeof parentColumns, args: DependencyPageArgs) {
  const page = toPage(args);
  const where = dependencyWhere({ minCriticality: args.minCriticality });
  const orderBy = dependencyOrderBy(args.orderBy);
  const name = `${parent}Dependencies:${JSON.stringify([page, args.minCriticality ?? null, args.orderBy ?? null])}`;
  return ctx.loaders.get(name, () =>
    new DataLoader<string, Connection<DependencyRow>>((keys) =>
      pagesByParent({
        db: ctx.db,
        table: dependencies,
        parent: parentColumns[parent],
        parentKeys: keys,
        where,
        orderBy,
        page,
      }),
    ),
  );
}
