// pnpm import:kev <file>: imports a Known Exploited Vulnerabilities catalog (CISA's JSON) into
// CISA's database, with the same settings as `pnpm seed` (CISA_DATABASE_URL, CISA_DATA_DIR).
// The document is checked against the catalog's JSON schema first; a bad one writes nothing.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, parseSubgraphConfig } from '@iag/kit';
import { parseKevCatalog } from '../subgraphs/cisa/src/kev/kev.catalog';
import { importKevCatalog } from '../subgraphs/cisa/src/kev/kev.import';
import { subgraphs } from './subgraphs';

const USAGE = `Usage: pnpm import:kev <file>

Imports a Known Exploited Vulnerabilities catalog (known_exploited_vulnerabilities.json as CISA
publishes it) into the CISA subgraph's database: new entries are added, changed ones updated,
none removed. The file is checked against the catalog's JSON schema before anything is written.
Uses CISA_DATABASE_URL / CISA_DATA_DIR like \`pnpm seed\`.

Exit codes: 0 imported, 1 failed (database), 2 bad usage or file, 3 the catalog is invalid.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const files = args.filter((a) => !a.startsWith('-'));
if (files.length !== 1) {
  console.error(`${files.length ? 'Give exactly one file.' : 'Missing the catalog file.'}\n\n${USAGE}`);
  process.exit(2);
}

// Relative to where the command was typed, before moving to the repository root (as `pnpm seed` does).
const file = resolve(process.env.INIT_CWD ?? process.cwd(), files[0]);
let text: string;
try {
  text = await readFile(file, 'utf8');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

let catalog;
try {
  catalog = parseKevCatalog(text);
} catch (error) {
  console.error(`${file}: ${(error as Error).message}`);
  process.exit(3);
}

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const cisa = subgraphs.find((s) => s.name === 'cisa')!;
const main = await cisa.load();
const config = parseSubgraphConfig(cisa.name, cisa.port, process.env);
const database = await openDatabase({ schema: main.schema, url: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate(main.migrationsFolder);
  const result = await importKevCatalog(database.db as never, catalog);
  console.log(`added ${result.added}, updated ${result.updated}, unchanged ${result.unchanged} (catalog ${result.catalogVersion})`);
} catch (error) {
  console.error(`Import failed, nothing written: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
