// One folder per test run for the seeded PGlite templates (subgraphs/kit/src/testing/templates.ts),
// removed at the end so that the next run seeds from its own code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'iag-pglite-templates-'));
  process.env.IAG_PGLITE_TEMPLATES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
