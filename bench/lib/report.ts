// Results as JSON (every number, the options, the machine) and as Markdown tables.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { round } from './histogram';
import type { RunNumbers } from './measure';

export interface Run {
  /** `ours`, `hive`, `floor <subgraph>`, or `floor all` (every fetch of a request, directly). */
  target: string;
  round: number;
  numbers: RunNumbers;
}

export interface ScenarioReport {
  name: string;
  description: string;
  variants: number;
  runs: Run[];
  /** Subgraph chains per variant for the floor (how many variants reach each subgraph). */
  floorChains?: Record<string, number>;
}

export interface Report {
  date: string;
  options: Record<string, unknown>;
  machine: { cpuModel: string; cpus: number; node: string; commit: string | null };
  hub: string;
  scenarios: ScenarioReport[];
}

export function machineFacts(root: string): Report['machine'] {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return { cpuModel: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, node: process.version, commit };
}

/** The run that sends every fetch of each request directly to its subgraph. */
export const WHOLE_FLOOR = 'floor all';

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

/** Throughput and CPU of our gateway against the peer and the floor, over all rounds. */
export function summarize(scenario: ScenarioReport) {
  const of = (target: string) => scenario.runs.filter((r) => r.target === target).map((r) => r.numbers);
  const rps = (runs: RunNumbers[]) => mean(runs.map((r) => r.requestsPerSecond));
  const cpu = (runs: RunNumbers[]) => mean(runs.map((r) => (r.cpuMsPerRequest.gateway ?? NaN) + (r.subgraphsCpuMsPerRequest ?? NaN)));
  const ours = of('ours');
  const hive = of('hive');
  const floors = [...new Set(scenario.runs.filter((r) => r.target.startsWith('floor ') && r.target !== WHOLE_FLOOR).map((r) => r.target))].map((t) => ({ target: t, rps: rps(of(t)) }));
  const floor = floors.sort((a, b) => a.rps - b.rps)[0];
  const whole = of(WHOLE_FLOOR);
  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b ? round(a / b, 2) : null);
  return {
    oursRequestsPerSecond: ours.length ? round(rps(ours), 1) : null,
    hiveRequestsPerSecond: hive.length ? round(rps(hive), 1) : null,
    throughputOursOverHive: hive.length ? ratio(rps(ours), rps(hive)) : null,
    cpuPerRequestOursOverHive: hive.length ? ratio(cpu(ours), cpu(hive)) : null,
    floorSubgraph: floor ? floor.target.slice('floor '.length) : null,
    floorChainsPerSecond: floor ? round(floor.rps, 1) : null,
    throughputOursOverFloor: floor ? ratio(rps(ours), floor.rps) : null,
    wholeFloorRequestsPerSecond: whole.length ? round(rps(whole), 1) : null,
    throughputOursOverWholeFloor: whole.length ? ratio(rps(ours), rps(whole)) : null,
  };
}

const cell = (v: number | null | undefined, digits = 2) => (v === null || v === undefined || Number.isNaN(v) ? '–' : String(round(v, digits)));

export function renderMarkdown(report: Report): string {
  const o = report.options;
  const lines = [
    `# Benchmark ${report.date}`,
    '',
    `Scale ${o.scale}, ${o.connections} connections, ${o.duration} s measured after ${o.warmup} s warm-up, ${o.rounds} round(s); ` +
      `${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, commit ${report.machine.commit?.slice(0, 12) ?? 'unknown'}; hub: ${report.hub}.`,
    '',
  ];
  for (const s of report.scenarios) {
    lines.push(`## ${s.name}`, '', `${s.description} (${s.variants} distinct variable/token pairs).`, '');
    lines.push('| run | req/s | p50 ms | p95 ms | p99 ms | errors | gateway CPU ms/req | subgraphs CPU ms/req | SQL/req |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of s.runs) {
      const n = r.numbers;
      // A one-subgraph floor row shows that subgraph; `floor all` sums them, as ours does.
      const floor = r.target.startsWith('floor ') && r.target !== WHOLE_FLOOR;
      const subgraphCpu = floor ? n.cpuMsPerRequest[r.target.slice(6)] : n.subgraphsCpuMsPerRequest;
      const sql = floor ? n.statementsPerRequest[r.target.slice(6)] : n.statementsTotalPerRequest;
      const perSubgraphSql = floor ? '' : ` (${Object.entries(n.statementsPerRequest).map(([k, v]) => `${k} ${cell(v, 1)}`).join(', ')})`;
      lines.push(
        `| ${r.target}${s.runs.filter((x) => x.target === r.target).length > 1 ? ` #${r.round}` : ''} | ${cell(n.requestsPerSecond, 1)} | ${cell(n.p50)} | ${cell(n.p95)} | ${cell(n.p99)} | ${n.errors} | ${r.target.startsWith('floor ') ? '–' : cell(n.cpuMsPerRequest.gateway)} | ${cell(subgraphCpu)} | ${cell(sql, 1)}${perSubgraphSql} |`,
      );
    }
    const sum = summarize(s);
    const notes: string[] = [];
    if (sum.throughputOursOverHive !== null) notes.push(`ours / hive: throughput ${sum.throughputOursOverHive}, CPU per request ${cell(sum.cpuPerRequestOursOverHive)}`);
    if (sum.floorSubgraph) notes.push(`floor: ${sum.floorSubgraph} at ${sum.floorChainsPerSecond} chains/s; ours / floor ${cell(sum.throughputOursOverFloor)}`);
    if (sum.wholeFloorRequestsPerSecond !== null) notes.push(`whole-request floor ${sum.wholeFloorRequestsPerSecond} req/s; ours / whole-request floor ${cell(sum.throughputOursOverWholeFloor)}`);
    if (notes.length) lines.push('', notes.join('. ') + '.');
    lines.push('');
  }
  lines.push(
    'Floor rows: one subgraph queried directly with the gateway\'s own fetches of each request, as one chain; req/s is chains/s, CPU and SQL are that subgraph\'s per chain.',
    '`floor all`: every fetch of each request sent directly to its subgraph, in the gateway\'s order (side by side where it ran them side by side); CPU and SQL summed over the subgraphs.',
    '',
  );
  return lines.join('\n');
}

/** Writes `<date>-scale<n>.json` and `.md` and overwrites latest.md; returns the paths. */
export function writeReport(report: Report, dir: string): { json: string; markdown: string; latest: string } {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${report.date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}-scale${report.options.scale}`);
  const markdown = renderMarkdown(report);
  const paths = { json: `${base}.json`, markdown: `${base}.md`, latest: join(dir, 'latest.md') };
  writeFileSync(paths.json, JSON.stringify({ ...report, summaries: Object.fromEntries(report.scenarios.map((s) => [s.name, summarize(s)])) }, null, 2) + '\n');
  writeFileSync(paths.markdown, markdown);
  writeFileSync(paths.latest, markdown);
  return paths;
}
