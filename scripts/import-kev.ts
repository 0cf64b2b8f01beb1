// pnpm import:kev <file-or-url>: imports a Known Exploited Vulnerabilities catalog (CISA's JSON) into
// CISA's database, with the same settings as `pnpm seed` (CISA_DATABASE_URL, CISA_DATA_DIR).
// The document is checked against the catalog's JSON schema first; a bad one writes nothing.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, parseSubgraphConfig } from '@iag/kit';
import { parseKevCatalog } from '../subgraphs/cisa/src/kev/kev.catalog';
import { fetchCatalogText, isUrl, MAX_CATALOG_BYTES } from '../subgraphs/cisa/src/kev/kev.fetch';
import { importKevCatalog } from '../subgraphs/cisa/src/kev/kev.import';
import { subgraphs } from './subgraphs';

const USAGE = `Usage: pnpm import:kev <file-or-url>

Imports a Known Exploited Vulnerabilities catalog (known_exploited_vulnerabilities.json as CISA
publishes it) into the CISA subgraph's database: new entries are added, changed ones updated,
none removed. The catalog's version is recorded (query kevCatalog) and its entries linked to the
assets running the affected technology, in the same transaction.

  <file>   a path to the JSON file, relative to where you typed the command
  <url>    an http(s) URL to download it from, e.g.
           https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json
           (at most ${MAX_CATALOG_BYTES / 1024 / 1024} MB, within 60 s; progress is shown on stderr)

The document is checked against the catalog's JSON schema before anything is written.
Uses CISA_DATABASE_URL / CISA_DATA_DIR like \`pnpm seed\`.
Exit codes: 0 imported, 1 failed (database), 2 bad usage, or the file or URL cannot be read
(missing file, HTTP error status, network error, timeout, too large), 3 the catalog is invalid
(not JSON, or not the catalog's schema).`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const sources = args.filter((a) => !a.startsWith('-'));
if (sources.length !== 1) {
  console.error(`${sources.length ? 'Give exactly one file or URL.' : 'Missing the catalog file or URL.'}\n\n${USAGE}`);
  process.exit(2);
}

/** The catalog's text and the name recorded as its source (the URL, or the file's base name). */
async function readSource(source: string): Promise<{ text: string; name: string }> {
  if (isUrl(source)) {
    const tty = process.stderr.isTTY;
    let shown = 0;
    const { text, contentType } = await fetchCatalogText(source, {
      // On a terminal the line updates in place; in a log, one line per megabyte is enough.
      onProgress: (received, total) => {
        if (!tty && received - shown < 1024 * 1024) return;
        shown = received;
        const line = `Downloading ${source}: ${(received / 1024).toFixed(0)} kB${total ? ` of ${(total / 1024).toFixed(0)} kB` : ''}`;
        process.stderr.write(tty ? `\r${line}` : `${line}\n`);
      },
    });
    process.stderr.write(`${tty ? '\r' : ''}Downloaded ${source}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} kB (${contentType})\n`);
    return { text, name: source };
  }
  // Relative to where the command was typed, before moving to the repository root (as `pnpm seed` does).
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), source);
  try {
    return { text: await readFile(file, 'utf8'), name: basename(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(error as Error).message}`);
  }
}

let source: { text: string; name: string };
try {
  source = await readSource(sources[0]);
} catch (error) {
  // Both kinds of failure (CatalogFetchError and a file's) carry a message naming what was asked for.
  console.error((error as Error).message);
  process.exit(2);
}
let catalog;
try {
  catalog = parseKevCatalog(source.text);
} catch (error) {
  // An HTML error page or a cut-off download reads as "not valid JSON": say where it came from.
  console.error(`${source.name}: ${(error as Error).message}`);
  process.exit(3);
}
process.stderr.write(`Importing ${catalog.count} entries of catalog ${catalog.catalogVersion}...\n`);

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const cisa = subgraphs.find((s) => s.name === 'cisa')!;
const main = await cisa.load();
const config = parseSubgraphConfig(cisa.name, cisa.port, process.env);
const database = await openDatabase({ schema: main.schema, url: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate(main.migrationsFolder);
  const result = await importKevCatalog(database.db as never, catalog, source.name);
  console.log(`added ${result.added}, updated ${result.updated}, unchanged ${result.unchanged} (catalog ${result.catalogVersion})`);
} catch (error) {
  console.error(`Import failed, nothing written: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
