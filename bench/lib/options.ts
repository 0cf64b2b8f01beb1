// Command-line options of `pnpm bench`: parsed and checked here, with one clear message per bad value.
import { parseArgs } from 'node:util';

export const SCENARIO_NAMES = ['country-brief', 'dependencies', 'partner-feed', 'deliveries', 'impact', 'priorities'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface BenchOptions {
  scale: number;
  duration: number;
  warmup: number;
  connections: number;
  scenarios: ScenarioName[];
  peer?: 'hive';
  rounds: number;
  floor: boolean;
  url?: string;
  out: string;
  help: boolean;
}

export const HELP = `Usage: pnpm bench [options]

Starts the hub on PostgreSQL (databases iag_bench_s<scale>_<name> on BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/postgres), seeds it to --scale, and measures each scenario with
autocannon over loopback: requests/s, p50/p95/p99, errors, CPU ms per request (gateway, subgraphs),
SQL statements per request, and the floor (each subgraph queried directly with the gateway's own
subgraph queries). See bench/README.md.

Options:
  --scale <n>           rows of generated data to seed (default 1000)
  --duration <s>        measured seconds per run (default 10)
  --warmup <s>          unmeasured seconds before each run (default 3)
  --connections <c>     concurrent connections (default 16)
  --scenarios <a,b>     ${SCENARIO_NAMES.join(', ')} (default all)
  --peer hive           also measure @graphql-hive/gateway on the same subgraphs, alternating
  --rounds <r>          runs per scenario and gateway (default 1); with a peer: ours, hive, ours...
  --no-floor            skip the direct subgraph measurements
  --url <gateway URL>   measure a running hub instead (no start, no seed; subgraphs at <NAME>_URL
                        or their default ports; CPU only if their processes are found)
  --out <dir>           where results go (default bench/results)
  --help                this text`;

export class OptionsError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max) {
    throw new OptionsError(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return n;
}

/** Parses argv (without node and the script); throws OptionsError naming the bad option. */
export function parseOptions(argv: string[]): BenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        scenarios: { type: 'string' },
        peer: { type: 'string' },
        rounds: { type: 'string' },
        'no-floor': { type: 'boolean' },
        url: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  const str = (k: string) => values[k] as string | undefined;
  const scenarios = (str('scenarios') ?? SCENARIO_NAMES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = scenarios.filter((s) => !(SCENARIO_NAMES as readonly string[]).includes(s));
  if (!scenarios.length || unknown.length) {
    throw new OptionsError(`--scenarios takes names separated by commas (${SCENARIO_NAMES.join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  }
  const peer = str('peer');
  if (peer !== undefined && peer !== 'hive') throw new OptionsError(`--peer must be "hive" (got ${JSON.stringify(peer)})`);
  const url = str('url');
  if (url !== undefined && !(URL.canParse(url) && /^https?:$/.test(new URL(url).protocol))) {
    throw new OptionsError(`--url must be an http(s) URL of the gateway's /graphql (got ${JSON.stringify(url)})`);
  }
  if (url !== undefined && peer) throw new OptionsError('--peer needs the subgraphs this run starts: it cannot be combined with --url');
  const out = str('out');
  if (out !== undefined && !out.trim()) throw new OptionsError('--out must name a directory');
  return {
    scale: integer('scale', str('scale'), 1000, 1, 100_000_000),
    duration: integer('duration', str('duration'), 10, 1, 3600),
    warmup: integer('warmup', str('warmup'), 3, 0, 3600),
    connections: integer('connections', str('connections'), 16, 1, 1000),
    scenarios: [...new Set(scenarios)] as ScenarioName[],
    peer: peer as 'hive' | undefined,
    rounds: integer('rounds', str('rounds'), 1, 1, 100),
    floor: !values['no-floor'],
    url,
    out: out ?? 'bench/results',
    help: Boolean(values.help),
  };
}
