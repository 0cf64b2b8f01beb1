// Batched, idempotent inserts with a progress report: what every scale generator writes through.
import type { Db } from '@iag/kit';
import type { PgTable } from '@iag/kit/pg-core';

/** Reports `<subgraph>: <table> <done>/<total>` lines; the caller decides how often to show them. */
export type Progress = (line: string) => void;

// 1,000 rows of the widest table (16 columns) bind 16,000 parameters, far below PostgreSQL's 65,535.
export const BATCH = 1_000;

const fmt = (n: number) => n.toLocaleString('en-US');
export const progressLine = (subgraph: string, table: string, done: number, total: number) =>
  `${subgraph}: ${table} ${fmt(done)}/${fmt(total)}`;

/**
 * Inserts `total` generated rows in chunks of `BATCH`, one transaction per chunk (a failure loses
 * at most one chunk and a re-run fills it in), skipping rows whose key exists. `make(from, to)`
 * builds one chunk's rows for the main table and any link tables that hang off them, so nothing
 * holds all rows of a 100k table in memory. Returns how many main rows were new.
 */
export async function insertChunked<S extends Record<string, unknown>>(
  db: Db<S>,
  label: { subgraph: string; table: string },
  total: number,
  make: (from: number, to: number) => { table: PgTable; rows: Record<string, unknown>[] }[],
  progress?: Progress,
): Promise<number> {
  let added = 0;
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    const parts = make(from, to);
    await db.transaction(async (tx) => {
      for (const [n, part] of parts.entries()) {
        for (let at = 0; at < part.rows.length; at += BATCH) {
          const rows = part.rows.slice(at, at + BATCH);
          const result = await tx.insert(part.table).values(rows as never).onConflictDoNothing();
          if (n === 0) added += affected(result);
        }
      }
    });
    progress?.(progressLine(label.subgraph, label.table, to, total));
  }
  return added;
}

// postgres.js reports `count`, PGlite `affectedRows`: the rows the insert actually wrote.
function affected(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}
