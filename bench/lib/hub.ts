// The hub under test: PostgreSQL databases iag_bench_s<scale>_<name>, seeded to the requested scale, and the
// four subgraphs and the gateway as child processes on free ports (one process each: its pid is
// the one measured). Everything started here is stopped by stop(), also after Ctrl-C or an error.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM, loadOrCreateKeyFile } from '@iag/kit/auth';
import { loadDevIssuerKeys } from '../../gateway/src/auth/dev-issuer';
import { startService, waitUntilHealthy, type Service } from '../../scripts/lib/processes';
import { subgraphs } from '../../scripts/subgraphs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SUBGRAPH_NAMES = subgraphs.map((s) => s.name);
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Hub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** Pids to measure: `gateway` and each subgraph name. */
  pids: Record<string, number>;
  /** Starts another gateway on the same subgraphs (or on `subgraphUrls`), e.g. for capture. */
  startGateway(subgraphUrls: Record<string, string>): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** postgres://.../postgres + iag_bench_cisa -> postgres://.../iag_bench_cisa */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One set of databases per scale, so that results at 1,000 and at 100,000 compare like with like. */
export const benchDatabase = (name: string, scale: number) => `iag_bench_s${scale}_${name}`;
const SEEDED = (scale: number) => `iag-bench: seeded to scale ${scale}`;

async function withServer<T>(serverUrl: string, work: (sql: any) => Promise<T>): Promise<T> {
  const require = createRequire(`${ROOT}subgraphs/kit/package.json`);
  const postgres = require('postgres') as (url: string, options?: object) => any;
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/**
 * Creates the databases that do not exist yet and tells whether all of them were already seeded
 * to this scale (a comment on each database, written once seeding finished): re-seeding 100,000
 * rows only to find them there costs a minute.
 */
async function ensureDatabases(serverUrl: string, scale: number): Promise<boolean> {
  return withServer(serverUrl, async (sql) => {
    let seeded = true;
    for (const name of SUBGRAPH_NAMES.map((n) => benchDatabase(n, scale))) {
      const [row] = await sql`select shobj_description(oid, 'pg_database') as note from pg_database where datname = ${name}`;
      if (!row) await sql.unsafe(`create database "${name}"`);
      if (row?.note !== SEEDED(scale)) seeded = false;
    }
    return seeded;
  });
}

async function markSeeded(serverUrl: string, scale: number): Promise<void> {
  await withServer(serverUrl, async (sql) => {
    for (const name of SUBGRAPH_NAMES.map((n) => benchDatabase(n, scale))) {
      await sql.unsafe(`comment on database "${name}" is '${SEEDED(scale)}'`);
    }
  });
}

/** Migrates, seeds the demo data and adds the generated data set of this scale. */
async function seed(scale: number, env: Record<string, string | undefined>, progress: (line: string) => void): Promise<void> {
  const { seedScale } = await import('../../scripts/lib/scale/index');
  await seedScale({ scale, env, progress });
}

/** The environment every process of the hub shares: development keys, quiet logs, PostgreSQL. */
export async function hubEnvironment(scale: number, serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER) {
  await loadOrCreateKeyFile(DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM);
  await loadDevIssuerKeys();
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'error', SUPERGRAPH_WATCH: 'false' };
  for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase()}_DATABASE_URL`] = databaseUrl(serverUrl, benchDatabase(name, scale));
  return { env, serverUrl };
}

export async function startHub(options: { scale: number; progress: (line: string) => void; onService?: (s: Service) => void }): Promise<Hub & { seededWith: string }> {
  const { progress } = options;
  const { env, serverUrl } = await hubEnvironment(options.scale);
  progress(`databases ${benchDatabase('<name>', options.scale)} on ${new URL(serverUrl).host}`);
  const seededWith = `pnpm seed --scale ${options.scale}`;
  if (await ensureDatabases(serverUrl, options.scale)) {
    progress(`already seeded to scale ${options.scale} (drop the databases to seed again)`);
  } else {
    progress(`seeding to scale ${options.scale}...`);
    const started = Date.now();
    await seed(options.scale, env, (line) => progress(`  ${line}`));
    await markSeeded(serverUrl, options.scale);
    progress(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const services: Service[] = [];
  const track = (s: Service) => {
    services.push(s);
    options.onService?.(s);
    return s;
  };
  const stop = async () => {
    for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
    await Promise.all(services.map((s) => Promise.race([s.exited, new Promise((r) => setTimeout(r, 10_000))])));
  };
  try {
    // No dissemination dispatcher and no periodic risk reassessment: they would add SQL statements
    // (and CPU) that no measured request caused, and the scenarios read nothing they write.
    const extra: Record<string, Record<string, string>> = { cisa: { RISK_REASSESS_SECONDS: '0' } };
    const subgraphUrls: Record<string, string> = {};
    const urlEnv: Record<string, string> = {};
    const ports: Record<string, number> = {};
    for (const name of SUBGRAPH_NAMES) {
      ports[name] = await freePort();
      subgraphUrls[name] = `http://127.0.0.1:${ports[name]}/graphql`;
      urlEnv[`${name.toUpperCase()}_URL`] = subgraphUrls[name];
    }
    progress(`starting the subgraphs (${SUBGRAPH_NAMES.map((n) => `${n} ${ports[n]}`).join(', ')})...`);
    const pids: Record<string, number> = {};
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const service = track(
          startService(name, `subgraphs/${name}/src/index.ts`, {
            cwd: ROOT,
            rawLogs: false,
            env: { ...env, ...extra[name], ...urlEnv, [`${name.toUpperCase()}_PORT`]: String(ports[name]) },
          }),
        );
        pids[name] = service.child.pid!;
        await waitUntilHealthy(service, `http://127.0.0.1:${ports[name]}/health`, 180_000);
      }),
    );
    const startGateway = async (urls: Record<string, string>) => {
      const port = await freePort();
      const gatewayEnv: Record<string, string | undefined> = { ...env, GATEWAY_PORT: String(port) };
      for (const [name, url] of Object.entries(urls)) gatewayEnv[`${name.toUpperCase()}_URL`] = url;
      const service = track(startService('gateway', 'gateway/src/index.ts', { cwd: ROOT, rawLogs: false, env: gatewayEnv }));
      await waitUntilHealthy(service, `http://127.0.0.1:${port}/health`, 120_000);
      return {
        url: `http://127.0.0.1:${port}/graphql`,
        pid: service.child.pid!,
        stop: async () => {
          if (service.child.exitCode === null) service.child.kill('SIGTERM');
          await service.exited;
        },
      };
    };
    progress('starting the gateway...');
    const gateway = await startGateway(subgraphUrls);
    pids.gateway = gateway.pid;
    return { gatewayUrl: gateway.url, subgraphUrls, pids, startGateway, stop, seededWith };
  } catch (error) {
    await stop();
    throw error;
  }
}
