import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPEND_ONLY_SQL } from '@iag/kit/audit-table';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The tags of the migrations drizzle-kit has recorded in `migrations/meta/_journal.json`. */
export function migrationTags(migrationsDir: string): string[] {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}

/**
 * Fills the empty custom migration drizzle-kit created (`--custom`) with the kit's trigger that
 * makes `audit_log` append-only, as every subgraph carries it (drizzle-kit knows no triggers).
 */
export function writeAppendOnlyMigration(migrationsDir: string, tag: string): void {
  writeFileSync(join(migrationsDir, `${tag}.sql`), APPEND_ONLY_SQL.trimStart());
}
