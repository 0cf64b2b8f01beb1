import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStagedLoad } from './staged-load';

// Two hosts that log what they got and when; "b" answers with GraphQL errors when asked to.
const seen: Array<{ host: string; body: string; at: number; answeredAt: number }> = [];
const servers: Server[] = [];
const urls: string[] = [];

beforeAll(async () => {
  for (const host of ['a', 'b']) {
    const server = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const entry = { host, body, at: performance.now(), answeredAt: 0 };
      seen.push(entry);
      await new Promise((resolve) => setTimeout(resolve, 5));
      entry.answeredAt = performance.now();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body.includes('fail') ? '{"errors":[{"message":"no"}]}' : `{"data":{"host":"${host}"}}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  }
});
afterAll(() => servers.forEach((s) => s.close()));

describe('runStagedLoad', () => {
  it('sends each request\'s stages in order, a stage\'s fetches to their hosts, and counts requests', async () => {
    seen.length = 0;
    const request = () => [[{ url: urls[0], body: '1', headers: {} }, { url: urls[1], body: '1', headers: {} }], [{ url: urls[1], body: '2', headers: {} }]];
    const result = await runStagedLoad({ requests: [request], connections: 1, seconds: 0.5 });
    expect(result.errors).toBe(0);
    expect(result.count).toBeGreaterThan(5);
    expect(result.requests).toBeGreaterThanOrEqual(result.count * 3);
    // One loop: a1 and b1 side by side (both arrive before either answers), then b2 once both
    // have answered, then the next request.
    for (let i = 0; i + 2 < seen.length; i += 3) {
      const [x, y, second] = seen.slice(i, i + 3);
      expect([x.host + x.body, y.host + y.body].sort()).toEqual(['a1', 'b1']);
      expect(Math.max(x.at, y.at)).toBeLessThan(Math.min(x.answeredAt, y.answeredAt));
      expect(second.host + second.body).toBe('b2');
      expect(second.at).toBeGreaterThanOrEqual(Math.max(x.answeredAt, y.answeredAt));
    }
    // Two stages of at least 5 ms each.
    expect(result.latency.p50).toBeGreaterThanOrEqual(10);
  });

  it('counts a request with an error in any stage as one error, and keeps a sample', async () => {
    const good = () => [[{ url: urls[0], body: 'ok', headers: {} }]];
    const bad = () => [[{ url: urls[0], body: 'ok', headers: {} }], [{ url: urls[1], body: 'fail', headers: {} }]];
    const result = await runStagedLoad({ requests: [good, bad], connections: 1, seconds: 0.3 });
    expect(result.errors).toBeGreaterThan(0);
    expect(result.errors).toBeLessThanOrEqual(Math.ceil(result.count / 2) + 1);
    expect(result.errorSample).toContain('"errors"');
  });
});
