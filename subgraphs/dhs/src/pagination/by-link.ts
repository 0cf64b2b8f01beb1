import { toConnection, type Connection, type Db, type Page } from '@iag/kit';
import { and, eq, getTableColumns, gt, inArray, lte, or, sql, type SQL } from '@iag/kit/orm';
import type { AnyPgColumn, PgTable } from '@iag/kit/pg-core';

export interface PagesByLinkQuery<TTable extends PgTable> {
  db: Db<Record<string, unknown>>;
  /** The children, e.g. `engagements`. */
  table: TTable;
  /** The link table that holds the parent key, e.g. `engagement_partners`. */
  link: PgTable;
  /** How a link row meets its child, e.g. `engagements.id = engagement_partners.engagement_id`. */
  on: SQL;
  /** The link column that holds the parent's key, e.g. `engagement_partners.organization_id`. */
  parent: AnyPgColumn;
  parentKeys: readonly string[];
  where?: SQL;
  orderBy: SQL[];
  page: Page;
}

/**
 * The many-to-many sibling of the kit's `pagesByParent`: one page of children for each of many
 * parents when the parent key sits in a link table, in one statement. Link rows are joined to their
 * children, numbered per parent with a window function and cut to the page; `count(*) over` the same
 * partition gives each parent's total.
 */
export async function pagesByLink<TTable extends PgTable>(
  q: PagesByLinkQuery<TTable>,
): Promise<Connection<TTable['$inferSelect']>[]> {
  // A plain record, not the table's generic columns: drizzle's subquery types do not resolve over a
  // generic table, and the rows are typed below anyway.
  const fields: Record<string, AnyPgColumn | SQL.Aliased> = {
    ...getTableColumns(q.table as PgTable),
    parentKey: sql<string>`${q.parent}`.as('parent_key'),
    rowNumber: sql<number>`row_number() over (partition by ${q.parent} order by ${sql.join(q.orderBy, sql`, `)})`.as(
      'row_number',
    ),
    total: sql<number>`count(*) over (partition by ${q.parent})`.as('total'),
  };
  const numbered = q.db
    .select(fields)
    .from(q.link as PgTable)
    .innerJoin(q.table as PgTable, q.on)
    .where(and(inArray(q.parent, [...q.parentKeys]), q.where))
    .as('numbered');

  const { offset, limit } = q.page;
  const { parentKey, rowNumber } = numbered as unknown as Record<string, SQL.Aliased<number>>;
  const rows = (await q.db
    .select()
    .from(numbered)
    // Row 1 rides along on later pages only to carry the total: a page past the end still knows it.
    .where(or(eq(rowNumber, 1), and(gt(rowNumber, offset), lte(rowNumber, offset + limit + 1))))
    .orderBy(parentKey, rowNumber)) as unknown as Array<
    TTable['$inferSelect'] & { parentKey: string; rowNumber: number | string; total: number | string }
  >;

  const byParent = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byParent.get(row.parentKey);
    if (list) list.push(row);
    else byParent.set(row.parentKey, [row]);
  }
  return q.parentKeys.map((key) => {
    const list = byParent.get(key) ?? [];
    const total = list.length > 0 ? Number(list[0].total) : 0;
    // Both drivers may hand bigint window results back as strings.
    const nodes = list
      .filter((row) => Number(row.rowNumber) > offset)
      .map(({ parentKey: _p, rowNumber: _r, total: _t, ...node }) => node as TTable['$inferSelect']);
    return toConnection(nodes, q.page, total);
  });
}
