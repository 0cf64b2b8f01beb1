import { and, count, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import { toConnection, type Connection, type Page } from './connection';

export interface PagesByParentQuery<TTable extends PgTable> {
  db: Db<Record<string, unknown>>;
  /** The children, e.g. `dependencies`. */
  table: TTable;
  /** The column that holds the parent's key: of `table` (`country_code`), or of `link`. */
  parent: AnyPgColumn;
  /** When the parent key sits in a link table (many-to-many): that table and how it meets `table`. */
  link?: { table: PgTable; on: SQL };
  parentKeys: readonly string[];
  where?: SQL;
  orderBy: SQL[];
  page: Page;
}

/**
 * One page of children for each of many parents, in one statement: for each parent key, a LATERAL
 * subquery takes its page (`order by ... limit ... offset`), which an index on (parent, sort) answers
 * by reading just that page. This is what lets `Country.dependencies(first: 20)` on fifty countries
 * cost one query however many rows each country has (a window function numbering every row of
 * every parent took 50-110 ms per country brief at 100,000 dependencies; see bench/README.md).
 *
 * Totals are counted only when a client asks for `totalCount`: one grouped count for every parent
 * of the batch, run at most once.
 */
export async function pagesByParent<TTable extends PgTable>(
  q: PagesByParentQuery<TTable>,
): Promise<Connection<TTable['$inferSelect']>[]> {
  const keys = [...new Set(q.parentKeys)];
  const columns = getTableColumns(q.table as PgTable);
  const pageOf = q.db
    .select({ ...columns, position: sql<number>`row_number() over (order by ${sql.join(q.orderBy, sql`, `)})`.as('position') })
    .from(q.link ? q.link.table : (q.table as PgTable))
    .$dynamic();
  if (q.link) pageOf.innerJoin(q.table as PgTable, q.link.on);
  const page = pageOf
    .where(and(sql`${q.parent} = parent.key`, q.where))
    .orderBy(...q.orderBy)
    // One row past the page says whether there is a next one.
    .limit(q.page.limit + 1)
    .offset(q.page.offset)
    .as('page');
  const fields = page as unknown as Record<string, SQL.Aliased>;
  const rows = (await q.db
    .select({ parentKey: sql<string>`parent.key`, ...Object.fromEntries(Object.keys(columns).map((name) => [name, fields[name]])) })
    .from(sql`unnest(${sql.param(keys)}::text[]) as parent(key)`)
    .crossJoinLateral(page)
    .orderBy(sql`parent.key`, fields.position)) as Array<TTable['$inferSelect'] & { parentKey: string }>;

  const byParent = new Map<string, TTable['$inferSelect'][]>();
  for (const { parentKey, ...node } of rows) {
    const list = byParent.get(parentKey);
    if (list) list.push(node as TTable['$inferSelect']);
    else byParent.set(parentKey, [node as TTable['$inferSelect']]);
  }
  let totals: Promise<Map<string, number>> | undefined;
  const countAll = () =>
    (totals ??= (async () => {
      const counting = q.db.select({ key: q.parent, total: count() }).from(q.link ? q.link.table : (q.table as PgTable)).$dynamic();
      if (q.link) counting.innerJoin(q.table as PgTable, q.link.on);
      const counted = await counting.where(and(inArray(q.parent, keys), q.where)).groupBy(q.parent);
      return new Map(counted.map((row) => [String(row.key), Number(row.total)]));
    })());
  return q.parentKeys.map((key) => toConnection(byParent.get(key) ?? [], q.page, async () => (await countAll()).get(key) ?? 0));
}
