import { describe, expect, it } from 'vitest';
import { latencyOf } from './histogram';
import { parseStatementsTotal, metricsUrl } from './statements';

describe('latencyOf', () => {
  it('gives p50, p95 and p99 of the recorded milliseconds', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1); // 1..1000 ms
    const l = latencyOf(values);
    expect(l.count).toBe(1000);
    expect(l.p50).toBeCloseTo(500, -0.5);
    expect(l.p95).toBeCloseTo(950, -0.5);
    expect(l.p99).toBeCloseTo(990, -0.5);
  });
  it('keeps sub-millisecond resolution', () => {
    expect(latencyOf([0.25, 0.25, 0.25]).p50).toBe(0.25);
  });
  it('is NaN when nothing was recorded', () => {
    expect(latencyOf([]).p99).toBeNaN();
  });
});

describe('statements', () => {
  it('reads db_statements_total from Prometheus text', () => {
    const text = '# HELP db_statements_total SQL statements\n# TYPE db_statements_total counter\ndb_statements_total 1234\ndb_pool_max_connections{driver="postgres"} 10\n';
    expect(parseStatementsTotal(text)).toBe(1234);
    expect(parseStatementsTotal('http_requests_total 3\n')).toBeUndefined();
  });
  it('finds /metrics beside /graphql', () => {
    expect(metricsUrl('http://127.0.0.1:4001/graphql')).toBe('http://127.0.0.1:4001/metrics');
  });
});
