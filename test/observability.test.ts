// Logs, metrics and traces across the hub, over real HTTP: one request id and one trace id from
// the client through the gateway into every subgraph's log line, each subgraph fetch a new span
// of the client's trace, and the request counted on every /metrics it touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type DestinationStream } from '@iag/kit/http';
import { sampleValue } from '@iag/kit/testing';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';
import { eventually } from './processes';
import { COUNTRY_BRIEF } from './country-brief.query';

const analyst = personas['cisa-analyst'];
const SUBGRAPHS = ['cisa', 'dhs', 'state', 'partners'];
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';


type Line = Record<string, any>;
const logs: Record<string, Line[]> = { gateway: [], ...Object.fromEntries(SUBGRAPHS.map((s) => [s, []])) };
const sink = (lines: Line[]): DestinationStream => ({ write: (line: string) => void lines.push(JSON.parse(line)) });
const requestLines = (service: string, requestId: string) => logs[service].filter((l) => l.requestId === requestId && l.msg === 'request');

let hub: Hub;
let token: string;
beforeAll(async () => {
  hub = await startHub(
    {},
    {
      logger: createLogger('gateway', 'info', sink(logs.gateway)),
      subgraphLogger: (name) => createLogger(name, 'info', sink(logs[name])),
    },
  );
  token = await hub.tokenFor(analyst);
}, 300_000);
afterAll(() => hub?.close());

const origin = (url: string) => new URL(url).origin;
async function scrape(url: string): Promise<string> {
  const res = await fetch(`${origin(url)}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8/);
  return res.text();
}
const scrapeAll = async () => ({
  gateway: await scrape(hub.url),
  ...Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s, await scrape(hub.subgraphs[s].url)] as const))),
}) as Record<string, string>;
const value = (text: string, name: string, labels: Record<string, string> = {}) => sampleValue(text, name, labels) ?? 0;
/** The sum of a metric's samples whose `operation` label starts with `prefix`. */
const sumByOperationPrefix = (text: string, name: string, prefix: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && new RegExp(`operation="${prefix}`).test(l))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);

async function send(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { res, body: (await res.json()) as any };
}

describe('one request id and one trace through the hub', () => {
  let before: Record<string, string>;
  let after: Record<string, string>;

  it('echoes the request id and logs it, with the trace id, at the gateway and in every subgraph', async () => {
    before = await scrapeAll();
    const { res, body } = await send(COUNTRY_BRIEF, { code: 'NL' }, {
      authorization: `Bearer ${token}`,
      'x-request-id': 'obs-brief-1',
      traceparent: `00-${TRACE}-${PARENT}-01`,
      tracestate: 'vendor=abc',
    });
    expect(body.errors).toBeUndefined();
    expect(res.headers.get('x-request-id')).toBe('obs-brief-1');

    await eventually(async () => requestLines('gateway', 'obs-brief-1').length === 1, 10_000, 'the gateway line');
    await eventually(async () => SUBGRAPHS.every((s) => requestLines(s, 'obs-brief-1').length > 0), 10_000, 'a line from every subgraph');
    const [gateway] = requestLines('gateway', 'obs-brief-1');
    expect(gateway).toMatchObject({
      service: 'gateway',
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'CountryBrief',
      traceId: TRACE,
      parentSpanId: PARENT,
      principal: { kind: 'US_GOVERNMENT', sub: analyst.sub, agency: 'CISA' },
    });
    expect(gateway.durationMs).toBeGreaterThan(0);
    expect(gateway.spanId).toMatch(/^[0-9a-f]{16}$/);

    // Every subgraph fetch is a new span of the client's trace: the subgraph's parent is neither
    // the client's span nor the gateway's own, and no two fetches share one.
    const fetchSpans: string[] = [];
    for (const service of SUBGRAPHS) {
      for (const line of requestLines(service, 'obs-brief-1')) {
        expect(line).toMatchObject({ service, traceId: TRACE, status: 200, path: '/graphql', principal: { sub: analyst.sub } });
        expect(line.operationName).toMatch(/^CountryBrief__/);
        expect(line.parentSpanId).toMatch(/^[0-9a-f]{16}$/);
        expect([PARENT, gateway.spanId]).not.toContain(line.parentSpanId);
        fetchSpans.push(line.parentSpanId);
      }
    }
    expect(new Set(fetchSpans).size).toBe(fetchSpans.length);

    const everything = JSON.stringify(logs);
    expect(everything).not.toContain(token);
    expect(everything).not.toMatch(/authorization|Bearer /i);
  });

  it('counts the request on the gateway and on each subgraph it touched', async () => {
    after = await scrapeAll();
    const op = { operation: 'CountryBrief' };
    expect(value(after.gateway, 'graphql_requests_total', { ...op, status: '200' }) - value(before.gateway, 'graphql_requests_total', { ...op, status: '200' })).toBe(1);
    expect(value(after.gateway, 'graphql_request_duration_seconds_count', op) - value(before.gateway, 'graphql_request_duration_seconds_count', op)).toBe(1);
    expect(sampleValue(after.gateway, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(after.gateway, 'nodejs_eventloop_lag_seconds')).toBeDefined();

    for (const subgraph of SUBGRAPHS) {
      // One fetch histogram sample per fetch, and each fetch is one request line in that subgraph.
      const fetches = requestLines(subgraph, 'obs-brief-1').length;
      const sampled = value(after.gateway, 'subgraph_fetch_duration_seconds_count', { subgraph }) - value(before.gateway, 'subgraph_fetch_duration_seconds_count', { subgraph });
      expect(sampled, subgraph).toBe(fetches);
      const counted =
        sumByOperationPrefix(after[subgraph], 'graphql_requests_total', 'CountryBrief__') -
        sumByOperationPrefix(before[subgraph], 'graphql_requests_total', 'CountryBrief__');
      expect(counted, subgraph).toBe(fetches);
      expect(sumByOperationPrefix(after[subgraph], 'graphql_request_duration_seconds_count', 'CountryBrief__')).toBeGreaterThanOrEqual(fetches);
      expect(sampleValue(after[subgraph], 'graphql_requests_total', { operation: 'CountryBrief' })).toBeUndefined();
      expect(sampleValue(after[subgraph], 'subgraph_fetch_errors_total', { subgraph })).toBeUndefined();

      const database = hub.subgraphs[subgraph].database;
      expect(sampleValue(after[subgraph], 'db_pool_max_connections', { driver: database.driver })).toBe(database.pool.max);
      expect(value(after[subgraph], 'db_statements_total')).toBeGreaterThan(value(before[subgraph], 'db_statements_total'));
      expect(value(after[subgraph], 'db_statements_total')).toBeLessThanOrEqual(database.stats.statements);
      expect(sampleValue(after[subgraph], 'process_resident_memory_bytes')).toBeGreaterThan(0);
    }
    for (const kind of ['timeout', 'network', 'http']) {
      expect(sampleValue(after.gateway, 'subgraph_fetch_errors_total', { kind }) ?? 0).toBe(0);
    }
  });

  it("shows CISA's dissemination backlog as disseminationStatus reports it", async () => {
    // No dispatcher runs in this hub: a publish leaves its delivery in the outbox.
    const drafted = await hub.as(analyst, `mutation { draftThreatProduct(input: {
      trackingId: "AA27-301M", kind: ALERT, title: "Metrics backlog", summary: "Pending.",
      tlp: AMBER, audience: { organizations: ["nl-ncsc"] } }) { id } }`);
    const { id } = drafted.body.data.draftThreatProduct;
    const published = await hub.as(analyst, 'mutation($id: ID!) { publishThreatProduct(id: $id, expectedVersion: 1) { status } }', { id });
    expect(published.body.errors).toBeUndefined();

    const status = (await hub.as(analyst, '{ disseminationStatus { pending lagSeconds } }')).body.data.disseminationStatus;
    const cisa = await scrape(hub.subgraphs.cisa.url);
    expect(status.pending).toBeGreaterThan(0);
    expect(sampleValue(cisa, 'dissemination_outbox_backlog')).toBe(status.pending);
    expect(sampleValue(cisa, 'dissemination_outbox_failing')).toBe(0);
    const oldest = sampleValue(cisa, 'dissemination_oldest_pending_seconds')!;
    expect(oldest).toBeGreaterThanOrEqual(status.lagSeconds);
    expect(oldest).toBeLessThan(status.lagSeconds + 30);
    expect(sampleValue(await scrape(hub.subgraphs.dhs.url), 'dissemination_outbox_backlog')).toBeUndefined();
  });

  it('replaces a malformed request id and an invalid traceparent instead of passing them on', async () => {
    const bad = { 'x-request-id': 'not a good id {}', traceparent: `00-${'0'.repeat(32)}-${PARENT}-01`, tracestate: 'vendor=leak' };
    const { res, body } = await send('query StateOnly { country(code: "NL") { name } }', {}, bad);
    expect(body.data.country.name).toBe('Netherlands');
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    await eventually(async () => requestLines('gateway', id).length === 1 && requestLines('state', id).length === 1, 10_000, 'the lines');
    const [gateway] = requestLines('gateway', id);
    const [state] = requestLines('state', id);
    expect(gateway).toMatchObject({ operationName: 'StateOnly', principal: { kind: 'ANONYMOUS' } });
    expect(gateway.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(gateway.traceId).not.toBe('0'.repeat(32));
    expect(gateway).not.toHaveProperty('parentSpanId');
    expect(state.traceId).toBe(gateway.traceId);
    expect(state.parentSpanId).not.toBe(PARENT);
    expect(JSON.stringify(logs)).not.toContain('not a good id');
  });
});
