// pnpm seed: migrates and seeds every subgraph's database without starting the services, using
// the same settings as `pnpm start` (<NAME>_DATABASE_URL, <NAME>_DATA_DIR, SEED_DEMO).
// With --scale <n>, a generated data set goes on top of the demo seed (scripts/lib/scale).
import { fileURLToPath } from 'node:url';
import { openDatabase, parseSubgraphConfig } from '@iag/kit';
import { subgraphs } from './subgraphs';

const HELP = `Usage: pnpm seed [name...] [--scale <n>]

Migrates and seeds the named subgraphs (default: all). Idempotent.
SEED_DEMO=false loads reference data only.

  --scale <n>  after the demo seed, add a generated, plausible data set: n dependencies, n/20
               assets, n/10 threat products, about n/2 deliveries and proportionate organizations,
               agreements, engagements, sightings and maturity assessments (1 <= n <= 1,000,000).
               Deterministic: a second run with the same n adds nothing, a larger n the difference.
               Always loads the demo set, which the generated products refer to.`;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}

// --scale <n> or --scale=<n>; its value is not a subgraph name.
let scaleArg: string | undefined;
const names: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--scale') scaleArg = args[++i] ?? '';
  else if (args[i].startsWith('--scale=')) scaleArg = args[i].slice('--scale='.length);
  else if (!args[i].startsWith('-')) names.push(args[i]);
}

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const unknown = names.filter((name) => !subgraphs.some((s) => s.name === name));
if (unknown.length) {
  console.error(`Unknown subgraph(s): ${unknown.join(', ')}. Known: ${subgraphs.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

if (scaleArg !== undefined) {
  // Loaded only when asked, so that a plain `pnpm seed` runs exactly as before.
  const { seedScale, validateScale } = await import('./lib/scale/index');
  const { progressPrinter } = await import('./lib/scale/progress');
  const scale = /^\d+$/.test(scaleArg) ? Number(scaleArg) : NaN;
  try {
    validateScale(scale);
  } catch (error) {
    console.error(`${(error as Error).message.replace(/got NaN$/, `got "${scaleArg}"`)}\n\n${HELP}`);
    process.exit(2);
  }
  const printer = progressPrinter(process.stderr);
  const results = await seedScale({ scale, subgraphs: names.length ? names : undefined, env: process.env, progress: printer.line });
  printer.end();
  for (const r of results) {
    const added = Object.entries(r.added).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
    console.log(`${r.subgraph}: seeded ${JSON.stringify(r.demo)}; scale ${scale.toLocaleString('en-US')} added ${added} on ${r.driver} in ${r.ms} ms`);
  }
  process.exit(0);
}

for (const subgraph of subgraphs.filter((s) => !names.length || names.includes(s.name))) {
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
