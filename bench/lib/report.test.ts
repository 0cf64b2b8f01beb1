import { describe, expect, it } from 'vitest';
import type { RunNumbers } from './measure';
import { renderMarkdown, summarize, type Report } from './report';

const numbers = (rps: number, gatewayCpu: number | null, subgraphsCpu: number): RunNumbers => ({
  requestsPerSecond: rps, p50: 10, p95: 20, p99: 30, errors: 0, requests: rps * 10, seconds: 10,
  cpuMsPerRequest: { gateway: gatewayCpu, cisa: subgraphsCpu },
  subgraphsCpuMsPerRequest: subgraphsCpu,
  statementsPerRequest: { cisa: 4 },
  statementsTotalPerRequest: 4,
});

const report: Report = {
  date: '2026-01-01T00:00:00.000Z',
  options: { scale: 1000, connections: 16, duration: 10, warmup: 3, rounds: 2 },
  machine: { cpuModel: 'Test CPU', cpus: 2, node: 'v20', commit: 'abcdef1234567890' },
  hub: 'test',
  scenarios: [{
    name: 'dependencies', description: 'deps', variants: 60,
    runs: [
      { target: 'ours', round: 1, numbers: numbers(100, 2, 3) },
      { target: 'hive', round: 1, numbers: numbers(50, 4, 3) },
      { target: 'ours', round: 2, numbers: numbers(300, 2, 3) },
      { target: 'hive', round: 2, numbers: numbers(150, 6, 3) },
      { target: 'floor cisa', round: 1, numbers: numbers(400, null, 1.5) },
      { target: 'floor all', round: 1, numbers: numbers(250, null, 2.5) },
    ],
  }],
};

describe('summarize', () => {
  it('compares the means of the rounds with the peer and the slowest floor', () => {
    expect(summarize(report.scenarios[0])).toEqual({
      oursRequestsPerSecond: 200, hiveRequestsPerSecond: 100, throughputOursOverHive: 2,
      cpuPerRequestOursOverHive: 0.63, floorSubgraph: 'cisa', floorChainsPerSecond: 400, throughputOursOverFloor: 0.5,
      wholeFloorRequestsPerSecond: 250, throughputOursOverWholeFloor: 0.8,
    });
  });
});

describe('renderMarkdown', () => {
  it('has one row per run, numbered when repeated, and the ratios', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('## dependencies');
    expect(md).toContain('| ours #2 | 300 | 10 | 20 | 30 | 0 | 2 | 3 | 4 (cisa 4) |');
    expect(md).toContain('| floor cisa | 400 | 10 | 20 | 30 | 0 | – | 1.5 | 4 |');
    expect(md).toContain('ours / hive: throughput 2, CPU per request 0.63');
    expect(md).toContain('ours / floor 0.5');
    // The whole-request floor is not "the slowest subgraph", and shows the sums as ours does.
    expect(md).toContain('| floor all | 250 | 10 | 20 | 30 | 0 | – | 2.5 | 4 (cisa 4) |');
    expect(md).toContain('ours / whole-request floor 0.8');
  });
});
