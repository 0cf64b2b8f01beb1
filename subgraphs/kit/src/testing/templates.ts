import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Seeded PGlite clusters shared by the test files of one run. Starting an empty PGlite runs
 * initdb in WebAssembly (5-10 s on a busy two-core runner), far more than migrating and seeding;
 * a cluster loaded from a dump skips it. The first test that needs a subgraph's database builds it
 * and dumps it here; the others load that dump. The folder is made and removed by the run's
 * global setup (vitest.global-setup.ts), so a template never outlives the code that seeded it;
 * without `IAG_PGLITE_TEMPLATES` nothing is cached.
 */
export function templatePath(key: string): string | undefined {
  const dir = process.env.IAG_PGLITE_TEMPLATES;
  return dir ? join(dir, `${key.replace(/[^\w.-]/g, '_')}.tar`) : undefined;
}

export function readTemplate(path: string | undefined): Blob | undefined {
  return path && existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/** Written to a temporary name and renamed, so a parallel test never reads half a dump. */
export async function writeTemplate(path: string | undefined, dump: Blob): Promise<void> {
  if (!path) return;
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
}
