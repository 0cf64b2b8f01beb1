// pnpm seed: migrates and seeds every subgraph's database without starting the services, using
// the same settings as `pnpm start` (<NAME>_DATABASE_URL, <NAME>_DATA_DIR, SEED_DEMO).
import { fileURLToPath } from 'node:url';
import { openDatabase, parseSubgraphConfig } from '@iag/kit';
import { subgraphs } from './subgraphs';

if (process.argv.includes('--help')) {
  console.log('Usage: pnpm seed [name...]\n\nMigrates and seeds the named subgraphs (default: all). Idempotent.\nSEED_DEMO=false loads reference data only.');
  process.exit(0);
}

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !subgraphs.some((s) => s.name === name));
if (unknown.length) {
  console.error(`Unknown subgraph(s): ${unknown.join(', ')}. Known: ${subgraphs.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

for (const subgraph of subgraphs.filter((s) => !wanted.length || wanted.includes(s.name))) {
  const main = await subgraph.load();
  const config = parseSubgraphConfig(subgraph.name, subgraph.port, process.env);
  const started = Date.now();
  const database = await openDatabase({ schema: main.schema, url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate(main.migrationsFolder);
    const counts = await main.seed(database, { demo: config.seedDemo });
    console.log(`${subgraph.name}: seeded ${JSON.stringify(counts)} on ${database.driver} in ${Date.now() - started} ms`);
  } finally {
    await database.close();
  }
}
