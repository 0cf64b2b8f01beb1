// pnpm bench: measures the hub (and optionally Hive Gateway on the same subgraphs) under load.
// The parts live in bench/lib/; this file parses options, orchestrates and prints. See bench/README.md.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DEV_INTERNAL_KEY_FILE } from '@iag/kit/auth';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, loadDevIssuerKeys } from '../gateway/src/auth/dev-issuer';
import { pidsListeningOn } from '../bench/lib/cpu';
import { captureFetches, replayChains, type Fetch } from '../bench/lib/floor';
import { replayRequests } from '../bench/lib/floor-whole';
import { freePort, ROOT, startHub, SUBGRAPH_NAMES } from '../bench/lib/hub';
import { measure, type Target } from '../bench/lib/measure';
import { HELP, OptionsError, parseOptions } from '../bench/lib/options';
import { machineFacts, renderMarkdown, WHOLE_FLOOR, writeReport, type Report, type ScenarioReport } from '../bench/lib/report';
import { buildScenario, checkScenario, type Scenario } from '../bench/lib/scenarios';
import { runStagedLoad } from '../bench/lib/staged-load';
import { DEMO_PARTNERS } from '../bench/lib/tokens';
import { subgraphs } from './subgraphs';

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof OptionsError)) throw error;
  console.error(`${error.message}\n\nRun "pnpm bench --help" for usage.`);
  process.exit(2);
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}

const started = Date.now();
const progress = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
const cleanup = () => (cleaning ??= (async () => {
  for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
})());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    progress(`${signal}: stopping everything...`);
    void cleanup().then(() => process.exit(130));
  });
}

// Partner organizations whose feeds vary the partner-feed scenario (BENCH_PARTNERS=a,b,c).
const partners = process.env.BENCH_PARTNERS?.split(',').map((s) => s.trim()).filter(Boolean) ?? DEMO_PARTNERS;

try {
  const date = new Date().toISOString();
  let gatewayUrl: string;
  let subgraphUrls: Record<string, string>;
  let pids: Record<string, number | undefined>;
  let hubNote: string;
  let startGateway: Parameters<typeof captureFetches>[2] | undefined;
  if (options.url) {
    gatewayUrl = options.url;
    subgraphUrls = Object.fromEntries(subgraphs.map((s) => [s.name, process.env[`${s.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${s.port}/graphql`]));
    const ports = { gateway: Number(new URL(gatewayUrl).port || 80), ...Object.fromEntries(Object.entries(subgraphUrls).map(([n, u]) => [n, Number(new URL(u).port || 80)])) };
    const found = pidsListeningOn(Object.values(ports));
    pids = Object.fromEntries(Object.entries(ports).map(([n, p]) => [n, found.get(p)]));
    progress(`using the running hub at ${gatewayUrl}; processes found: ${Object.entries(pids).map(([n, p]) => `${n} ${p ?? 'not found (CPU null)'}`).join(', ')}`);
    hubNote = `running hub at ${gatewayUrl} (not started or seeded by the bench)`;
    if (options.floor) progress('--url: the floor needs a capture gateway of its own, so it is skipped');
  } else {
    const hub = await startHub({ scale: options.scale, progress });
    cleanups.push(hub.stop);
    ({ gatewayUrl, subgraphUrls, pids } = hub);
    startGateway = hub.startGateway;
    hubNote = `started on PostgreSQL, seeded by ${hub.seededWith}`;
    progress(`hub up: gateway ${gatewayUrl}`);
  }

  let hive: { url: string; pid: number; stop(): Promise<void> } | undefined;
  if (options.peer === 'hive') {
    progress('starting the peer: @graphql-hive/gateway...');
    const modulePath = join(ROOT, 'bench/hive/start.ts');
    const { startHivePeer } = (await import(modulePath)) as { startHivePeer: (o: object) => Promise<typeof hive> };
    const internal = JSON.parse(readFileSync(DEV_INTERNAL_KEY_FILE, 'utf8'));
    const issuerKeys = await loadDevIssuerKeys();
    hive = await startHivePeer({
      supergraphPath: join(ROOT, 'schema/supergraph.graphql'),
      port: await freePort(),
      subgraphUrls,
      internalPrivateJwk: internal.privateJwk,
      callerPublicJwk: issuerKeys.publicJwk,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      algorithms: [DEV_ALGORITHM],
    });
    cleanups.push(() => hive!.stop());
    progress(`peer up: ${hive!.url} (pid ${hive!.pid})`);
  }

  const scenarios: Scenario[] = [];
  for (const name of options.scenarios) {
    progress(`setting up scenario ${name} (collecting countries, cursors, tokens)...`);
    const scenario = await buildScenario(name, gatewayUrl, partners);
    await checkScenario(scenario, gatewayUrl);
    if (hive) await checkScenario(scenario, hive.url);
    progress(`  ${scenario.variants.length} variants, every one answered without errors`);
    scenarios.push(scenario);
  }

  let captured: Map<string, Fetch[][]> | undefined;
  if (options.floor && startGateway) {
    progress('capturing the gateway\'s subgraph fetches for the floor (capture gateway behind recording proxies)...');
    captured = await captureFetches(scenarios, subgraphUrls, startGateway);
  }

  const subgraphPids = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, pids[n]]));
  const load = { connections: options.connections, warmup: options.warmup, duration: options.duration };
  const reports: ScenarioReport[] = [];
  for (const scenario of scenarios) {
    const report: ScenarioReport = { name: scenario.name, description: scenario.description, variants: scenario.variants.length, runs: [] };
    const chains = scenario.variants.map((v) => {
      const spec = [{ body: v.body, headers: { authorization: `Bearer ${v.token}` } }];
      return () => spec;
    });
    const targets: [string, Target][] = [['ours', { url: gatewayUrl, chains, pids: { gateway: pids.gateway, ...subgraphPids }, subgraphUrls }]];
    if (hive) targets.push(['hive', { url: hive.url, chains, pids: { gateway: hive.pid, ...subgraphPids }, subgraphUrls }]);
    for (let round = 1; round <= options.rounds; round++) {
      for (const [target, spec] of targets) {
        progress(`warm-up ${options.warmup} s + measuring ${scenario.name} on ${target}, round ${round}/${options.rounds} (${options.duration} s)...`);
        const numbers = await measure(spec, load);
        progress(`  ${numbers.requestsPerSecond} req/s, p99 ${numbers.p99} ms, ${numbers.errors} errors${numbers.errorSample ? ` (e.g. ${numbers.errorSample.slice(0, 200)})` : ''}`);
        report.runs.push({ target, round, numbers });
      }
    }
    const perVariant = captured?.get(scenario.name);
    if (perVariant) {
      report.floorChains = {};
      for (const subgraph of SUBGRAPH_NAMES) {
        const replay = await replayChains(perVariant, subgraph);
        report.floorChains[subgraph] = replay.chains.length;
        if (!replay.chains.length) continue;
        try {
          progress(`warm-up + measuring the floor of ${scenario.name}: ${subgraph} directly (${replay.chains.length} chains)...`);
          const numbers = await measure(
            { url: subgraphUrls[subgraph], chains: replay.chains, pids: { [subgraph]: pids[subgraph] }, subgraphUrls: { [subgraph]: subgraphUrls[subgraph] } },
            load,
          );
          progress(`  ${numbers.requestsPerSecond} chains/s, p99 ${numbers.p99} ms, ${numbers.errors} errors${numbers.errorSample ? ` (e.g. ${numbers.errorSample.slice(0, 200)})` : ''}`);
          report.runs.push({ target: `floor ${subgraph}`, round: 1, numbers });
        } finally {
          replay.stop();
        }
      }
      const whole = await replayRequests(perVariant, subgraphUrls);
      try {
        progress(`warm-up + measuring the whole-request floor of ${scenario.name}: every fetch of a request, directly (${whole.requests.length} requests)...`);
        const numbers = await measure(
          { url: gatewayUrl, chains: [], pids: subgraphPids, subgraphUrls, load: (o) => runStagedLoad({ ...o, requests: whole.requests }) },
          load,
        );
        progress(`  ${numbers.requestsPerSecond} req/s, p99 ${numbers.p99} ms, ${numbers.errors} errors${numbers.errorSample ? ` (e.g. ${numbers.errorSample.slice(0, 200)})` : ''}`);
        report.runs.push({ target: WHOLE_FLOOR, round: 1, numbers });
      } finally {
        whole.stop();
      }
    }
    reports.push(report);
  }

  const result: Report = {
    date,
    options: { ...options, help: undefined, partners },
    machine: machineFacts(ROOT),
    hub: hubNote,
    scenarios: reports,
  };
  const dir = isAbsolute(options.out) ? options.out : join(ROOT, options.out);
  const paths = writeReport(result, dir);
  console.log(`\n${renderMarkdown(result)}`);
  progress(`results: ${paths.json}, ${paths.markdown} (and ${paths.latest}); total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await cleanup();
  process.exit(0);
} catch (error) {
  console.error(`\npnpm bench failed: ${(error as Error).stack ?? error}`);
  await cleanup();
  process.exit(1);
}
