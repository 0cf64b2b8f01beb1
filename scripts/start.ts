// pnpm start: runs every subgraph registered in scripts/subgraphs.ts and the gateway on this
// machine. Embedded PGlite databases under .data/ are created, migrated and seeded on first start;
// `<NAME>_DATABASE_URL` switches a subgraph to PostgreSQL. Ctrl-C stops everything cleanly.
import { fileURLToPath } from 'node:url';
import { DEV_INTERNAL_KEY_FILE, DEV_KEYS_DIR, INTERNAL_ALGORITHM, loadOrCreateKeyFile } from '@iag/kit/auth';
import { loadDevIssuerKeys } from '../gateway/src/auth/dev-issuer';
import { startService, waitUntilHealthy, type Service } from './lib/processes';
import { subgraphs } from './subgraphs';

const HELP = `Usage: pnpm start [--json] [--only <name,name...>]

Starts every subgraph (scripts/subgraphs.ts) and the gateway on http://localhost:4000/graphql.
  --json          print the services' JSON log lines as they are
  --only a,b      start only these subgraphs (and the gateway): enough to work on one subgraph and
                  the ones it joins with; fields of the others answer SERVICE_UNAVAILABLE

Environment (all optional):
  <NAME>_DATABASE_URL   use PostgreSQL for that subgraph, e.g. CISA_DATABASE_URL=postgres://...
  <NAME>_PORT           subgraph port (${subgraphs.map((s) => `${s.name} ${s.port}`).join(', ')}); the gateway
                        is pointed at it (<NAME>_URL) unless <NAME>_URL is set
  GATEWAY_PORT          gateway port (4000)
  START_TIMEOUT_SECONDS how long each service may take to answer its health check (120)
  SEED_DEMO=false       load reference data only, not the invented demo set
  LOG_LEVEL             info (default), debug, warn...`;

if (process.argv.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
// CISA's own services that call Partners directly, each with one narrow job: the dissemination
// dispatcher records deliveries, the risk assessor reads operators' maturity. One CISA key signs
// for both; Partners accepts it for these two identities only.
const CISA_SERVICE_SUBS = ['service:cisa-dispatcher', 'service:cisa-risk'];
const rawLogs = process.argv.includes('--json');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? (process.argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : undefined;
const unknown = (only ?? []).filter((name) => !subgraphs.some((s) => s.name === name));
if (only && (only.length === 0 || unknown.length)) {
  console.error(`--only takes registered subgraph names separated by commas (${subgraphs.map((s) => s.name).join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  process.exit(2);
}
const selected = only ? subgraphs.filter((s) => only.includes(s.name)) : subgraphs;
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
// A first start seeds every database at once; a slow or busy machine (a shared CI runner) may need longer.
const startTimeoutMs = Number(process.env.START_TIMEOUT_SECONDS ?? 120) * 1000;
if (!(startTimeoutMs > 0)) {
  console.error('START_TIMEOUT_SECONDS must be a positive number of seconds');
  process.exit(2);
}
const services: Service[] = [];
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const service of services) if (service.child.exitCode === null) service.child.kill('SIGTERM');
  await Promise.all(services.map((s) => s.exited));
  console.log('All services stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  const started = Date.now();
  const extraEnv: Record<string, Record<string, string>> = {};
  // The supergraph records each subgraph at its registered port; a subgraph moved with <NAME>_PORT
  // is found through <NAME>_URL, which the gateway reads as an override (and CISA's dispatcher
  // reads PARTNERS_URL), unless the caller set that URL itself.
  const urls: Record<string, string> = {};
  for (const { name } of subgraphs) {
    const prefix = name.toUpperCase();
    const port = process.env[`${prefix}_PORT`];
    if (port && !process.env[`${prefix}_URL`]) urls[`${prefix}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  if (process.env.NODE_ENV !== 'production') {
    // Created here, before any service starts, so that every service reads the same development keys.
    await loadOrCreateKeyFile(DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM);
    await loadDevIssuerKeys();
    // CISA's dispatcher and risk assessor call Partners directly, with a key of CISA's own.
    const dispatcher = await loadOrCreateKeyFile(`${DEV_KEYS_DIR}cisa-dispatcher.json`, INTERNAL_ALGORITHM);
    extraEnv.cisa = { DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(dispatcher.privateJwk) };
    extraEnv.partners = { TRUSTED_SERVICES: JSON.stringify(CISA_SERVICE_SUBS.map((sub) => ({ sub, publicJwk: dispatcher.publicJwk }))) };
  }
  console.log('Starting the subgraphs (the first start creates and seeds their databases under .data/)...');
  await Promise.all(
    selected.map(async (subgraph) => {
      const prefix = subgraph.name.toUpperCase();
      const port = Number(process.env[`${prefix}_PORT`] ?? subgraph.port);
      const env = {
        ...extraEnv[subgraph.name],
        ...process.env,
        ...urls,
        [`${prefix}_DATA_DIR`]: process.env[`${prefix}_DATA_DIR`] ?? `.data/${subgraph.name}`,
      };
      const service = startService(subgraph.name, `subgraphs/${subgraph.name}/src/index.ts`, { cwd: root, env, rawLogs });
      services.push(service);
      await waitUntilHealthy(service, `http://127.0.0.1:${port}/health`, startTimeoutMs);
    }),
  );
  const gateway = startService('gateway', 'gateway/src/index.ts', { cwd: root, env: { ...process.env, ...urls }, rawLogs });
  services.push(gateway);
  await waitUntilHealthy(gateway, `http://127.0.0.1:${gatewayPort}/health`, startTimeoutMs);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Interagency Graph is up in ${seconds} s: http://localhost:${gatewayPort}/graphql

Without a token you see public data only. Take a development token for a persona
(cisa-analyst, dhs-coordinator, state-officer, partner-nl, partner-de; see pnpm run token --help):

  TOKEN=$(pnpm --silent run token cisa-analyst)
  curl -s http://localhost:${gatewayPort}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"query":"{ country(code: \\"NL\\") { name organizations { name maturity { level } } engagements(first: 3) { edges { node { title leadAgency } } } dependencies(first: 3) { edges { node { criticality asset { name } } } } threatProducts(first: 3) { edges { node { trackingId tlp } } } } }"}'

Try the same with partner-nl: the answer keeps its shape, minus what a partner may not see.
Partners' platforms read the same products as STIX 2.1 over TAXII 2.1 at http://localhost:${gatewayPort}/taxii2/
and per product at /threat-products/<tracking id>/stix and /csaf (docs/standards.md).

Press Ctrl-C to stop everything.`);

  // If any service dies, stop the rest: a hub with a silent hole is worse than a clear failure.
  const first = await Promise.race(services.map((s) => s.exited.then((code) => ({ s, code }))));
  if (!stopping) {
    console.error(`${first.s.name} stopped (exit code ${first.code}); stopping the others.`);
    await stopAll(1);
  }
} catch (error) {
  console.error(`Could not start the hub: ${(error as Error).message}`);
  await stopAll(1);
}
