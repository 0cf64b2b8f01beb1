// One measured run of a target: warm-up (not counted), then CPU and statement counters read
// around the measured load, turned into per-request (per-chain) numbers.
import { cpuMillis } from './cpu';
import { round } from './histogram';
import { runLoad, type Chain, type LoadResult } from './load';
import { scrapeStatements } from './statements';

export interface RunNumbers {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  seconds: number;
  /** CPU ms per request of each measured process (`gateway`, subgraph names); null: not measurable. */
  cpuMsPerRequest: Record<string, number | null>;
  /** Sum over the subgraphs (null if any is unknown). */
  subgraphsCpuMsPerRequest: number | null;
  /** SQL statements per request, by subgraph. */
  statementsPerRequest: Record<string, number | null>;
  statementsTotalPerRequest: number | null;
  errorSample?: string;
}

export interface Target {
  url: string;
  chains: Chain[];
  /** Processes to measure: name -> pid (gateway, subgraphs). */
  pids: Record<string, number | undefined>;
  /** Subgraph GraphQL URLs whose statements are counted. */
  subgraphUrls: Record<string, string>;
  /** Another driver than autocannon on `url` (the whole-request floor, which goes to several hosts). */
  load?: (options: { connections: number; seconds: number }) => Promise<LoadResult>;
}

const perRequest = (delta: number | undefined, count: number) => (delta === undefined || !count ? null : round(delta / count, 3));

export async function measure(target: Target, options: { connections: number; warmup: number; duration: number }): Promise<RunNumbers> {
  const drive = (seconds: number) =>
    target.load ? target.load({ connections: options.connections, seconds }) : runLoad({ url: target.url, chains: target.chains, connections: options.connections, seconds });
  if (options.warmup > 0) await drive(options.warmup);
  const cpuBefore = cpuMillis(target.pids);
  const sqlBefore = await scrapeStatements(target.subgraphUrls);
  const load = await drive(options.duration);
  const cpuAfter = cpuMillis(target.pids);
  const sqlAfter = await scrapeStatements(target.subgraphUrls);
  const cpu: Record<string, number | null> = {};
  for (const name of Object.keys(target.pids)) {
    const [a, b] = [cpuBefore[name], cpuAfter[name]];
    cpu[name] = perRequest(a === undefined || b === undefined ? undefined : b - a, load.count);
  }
  const statements: Record<string, number | null> = {};
  for (const name of Object.keys(target.subgraphUrls)) {
    const [a, b] = [sqlBefore[name], sqlAfter[name]];
    statements[name] = perRequest(a === undefined || b === undefined ? undefined : b - a, load.count);
  }
  const subgraphCpu = Object.keys(target.subgraphUrls).map((n) => cpu[n]);
  const sum = (values: (number | null | undefined)[]) =>
    values.length && values.every((v) => typeof v === 'number') ? round((values as number[]).reduce((a, b) => a + b, 0), 3) : null;
  return {
    requestsPerSecond: round(load.perSecond, 1),
    p50: load.latency.p50,
    p95: load.latency.p95,
    p99: load.latency.p99,
    errors: load.errors,
    requests: load.count,
    seconds: round(load.seconds, 2),
    cpuMsPerRequest: cpu,
    subgraphsCpuMsPerRequest: sum(subgraphCpu),
    statementsPerRequest: statements,
    statementsTotalPerRequest: sum(Object.values(statements)),
    errorSample: load.errorSample,
  };
}
