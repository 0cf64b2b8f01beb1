import { Registry } from '@iag/kit/http';
import { sampleValue } from '@iag/kit/testing';
import { describe, expect, it } from 'vitest';
import { fetchErrorKind, registerSubgraphFetchMetrics } from './metrics';

describe('fetchErrorKind', () => {
  it('tells a timeout, an HTTP answer and a network failure apart, however deeply wrapped', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(fetchErrorKind(timeout)).toBe('timeout');
    expect(fetchErrorKind(new Error('fetch failed', { cause: new Error('wrapped', { cause: timeout }) }))).toBe('timeout');
    const http = Object.assign(new Error('500: Internal Server Error'), { extensions: { response: { status: 500 } } });
    expect(fetchErrorKind(new Error('fetch from subgraph cisa failed', { cause: http }))).toBe('http');
    expect(fetchErrorKind(new Error('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))).toBe('network');
    expect(fetchErrorKind('not even an error')).toBe('network');
  });
});

describe('registerSubgraphFetchMetrics', () => {
  it('adds the fetch histogram and error counter to the given registry', async () => {
    const registry = new Registry();
    const metrics = registerSubgraphFetchMetrics(registry);
    metrics.duration.observe({ subgraph: 'dhs' }, 0.02);
    metrics.errors.inc({ subgraph: 'dhs', kind: 'timeout' });
    const text = await registry.metrics();
    expect(sampleValue(text, 'subgraph_fetch_duration_seconds_count', { subgraph: 'dhs' })).toBe(1);
    expect(sampleValue(text, 'subgraph_fetch_errors_total', { subgraph: 'dhs', kind: 'timeout' })).toBe(1);
  });
});
