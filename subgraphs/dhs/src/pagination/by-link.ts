import { pagesByParent, type Connection, type Db, type Page } from '@iag/kit';
import type { SQL } from '@iag/kit/orm';
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
 * The many-to-many case of the kit's `pagesByParent`: one page of children for each of many parents
 * when the parent key sits in a link table, in one statement.
 */
export function pagesByLink<TTable extends PgTable>(q: PagesByLinkQuery<TTable>): Promise<Connection<TTable['$inferSelect']>[]> {
  return pagesByParent({ ...q, link: { table: q.link, on: q.on } });
}
