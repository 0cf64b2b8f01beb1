import { and, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import { toConnection, type Connection, type Page } from './connection';

export interface PagesByParentQuery<TTable extends PgTable> {
  db: Db<Record<string, unknown>>;
  table: TTable;
  /** The column that holds the parent's key (e.g. `country_code`). */
  parent: AnyPgColumn;
  parentKeys: readonly string[];
  where?: SQL;
  orderBy: SQL[];
  page: Page;
}

type Numbered<T> = T & { parentKey: string; rowNumber: number; total: number };

/**
 * One page of children for each of many parents, in one statement: the rows are numbered per
 * parent with a window function and cut to the page, and the per-parent count comes along.
 * This is what lets `Country.dependencies(first: 20)` on fifty countries cost one query.
 */
export async function pagesByParent<TTable extends PgTable>(
  q: PagesByParentQuery<TTable>,
): Promise<Connection<TTable['$inferSelect']>[]> {
  const numbered = q.db
    .select({
      ...getTableColumns(q.table),
      parentKey: sql<string>`${q.parent}`.as('parent_key'),
      rowNumber: sql<number>`row_number() over (partition by ${q.parent} order by ${sql.join(q.orderBy, sql`, `)})`.as(
        'row_number',
      ),
      total: sql<number>`count(*) over (partition by ${q.parent})`.as('total'),
    })
    .from(q.table as PgTable)
    .where(and(inArray(q.parent, [...q.parentKeys]), q.where))
    .as('numbered');

  // drizzle's generic typing of a subquery over a generic table defeats the compiler; the shape is
  // the table's row plus the three computed columns above.
  const n = numbered as unknown as Record<'parentKey' | 'rowNumber', SQL>;
  const from = q.page.offset;
  const to = q.page.offset + q.page.limit + 1;
  const rows = (await q.db
    .select()
    .from(numbered as never)
    // Row 1 of each parent always comes along: on a page past the end it is the only row that
    // still carries the parent's total.
    .where(or(sql`${n.rowNumber} = 1`, sql`${n.rowNumber} > ${from} and ${n.rowNumber} <= ${to}`))
    .orderBy(n.parentKey, n.rowNumber)) as Numbered<TTable['$inferSelect']>[];

  const byParent = new Map<string, Numbered<TTable['$inferSelect']>[]>();
  for (const row of rows) {
    const list = byParent.get(row.parentKey) ?? [];
    list.push(row);
    byParent.set(row.parentKey, list);
  }
  return q.parentKeys.map((key) => {
    const list = byParent.get(key) ?? [];
    const total = list.length > 0 ? Number(list[0].total) : 0;
    const nodes = list
      .filter((row) => Number(row.rowNumber) > from)
      .map(({ parentKey: _p, rowNumber: _r, total: _t, ...node }) => node as TTable['$inferSelect']);
    return toConnection(nodes, q.page, total);
  });
}
