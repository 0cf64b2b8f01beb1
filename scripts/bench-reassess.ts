// pnpm bench:reassess: how long a full risk reassessment takes through the gateway, and how many
// dependency rows it rewrites, on the bench hub (bench/lib/hub.ts: the databases of `pnpm bench`).
import { createRequire } from 'node:module';
import { parseCounts } from '../bench/lib/counts-cli';
import { benchDatabase, databaseUrl, startHub } from '../bench/lib/hub';
import { tokenFor, usPrincipal } from '../bench/lib/tokens';

const HELP = `Usage: pnpm bench:reassess [--scale <n>] [--runs <n>]

Starts the hub on PostgreSQL as "pnpm bench" does (seeding iag_bench_s<scale>_* if needed), then runs
"mutation { reassessRisk }" --runs times (default 3) as a CISA analyst with infrastructure:write,
one after the other, printing for each: the time until the answer, what it answered, and how many
rows of "dependencies" PostgreSQL counted as updated meanwhile (pg_stat_user_tables).
`;

const { scale, runs } = parseCounts(process.argv.slice(2), { scale: 1000, runs: 3 }, HELP);

const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const hub = await startHub({ scale, progress: (line) => console.error(line) });
const require = createRequire(new URL('../subgraphs/kit/package.json', import.meta.url));
const postgres = require('postgres') as (url: string, options?: object) => any;
const sql = postgres(databaseUrl(server, benchDatabase('cisa', scale)), { max: 1, onnotice: () => {} });
const updatedRows = async () => {
  // The statistics arrive from other backends with a delay: ask for a fresh snapshot.
  await sql`select pg_stat_clear_snapshot()`;
  const [row] = await sql`select n_tup_upd from pg_stat_user_tables where relname = 'dependencies'`;
  return Number(row.n_tup_upd);
};

try {
  const token = await tokenFor(usPrincipal('cisa-analyst', 1, ['infrastructure:write']));
  console.log(`reassessRisk at scale ${scale}, through the gateway`);
  for (let run = 1; run <= runs; run++) {
    const before = await updatedRows();
    const started = performance.now();
    const res = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { reassessRisk { assessed changed } }' }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const ms = performance.now() - started;
    // Stats are flushed when a backend goes idle; wait until the count stops moving.
    let after = await updatedRows();
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await updatedRows();
      if (now === after && i > 3) break;
      after = now;
    }
    const answer = body.errors ? `error ${body.errors[0]?.extensions?.code}` : JSON.stringify(body.data);
    console.log(`  run ${run}: ${ms.toFixed(0)} ms, ${answer}, dependency rows updated: ${after - before}`);
  }
} finally {
  await sql.end();
  await hub.stop();
}
