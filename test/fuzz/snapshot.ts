// "Nothing written": a fingerprint of every table of a subgraph's database (row count and a hash
// of the rows), so that an update that keeps the count is caught as well as an insert.
import { sql } from '@iag/kit/orm';
import type { Database } from '@iag/kit';

type Rows = Record<string, unknown>[];
// PGlite answers `{ rows }`, postgres.js an array of rows.
const rowsOf = (result: unknown): Rows => (Array.isArray(result) ? result : (result as { rows: Rows }).rows);

/** `{ "<schema>.<table>": "<count>:<md5 of the rows in text order>" }` for every user table. */
export async function fingerprint(database: Database<Record<string, unknown>>): Promise<Record<string, string>> {
  const tables = rowsOf(
    await database.db.execute(
      sql`select table_schema as s, table_name as t from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
          order by 1, 2`,
    ),
  ) as { s: string; t: string }[];
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const name = `"${s.replace(/"/g, '""')}"."${t.replace(/"/g, '""')}"`;
    const [row] = rowsOf(
      await database.db.execute(sql.raw(`select count(*)::text as n, coalesce(md5(string_agg(r::text, ',' order by r::text)), '') as h from ${name} r`)),
    ) as { n: string; h: string }[];
    out[`${s}.${t}`] = `${row.n}:${row.h}`;
  }
  return out;
}
