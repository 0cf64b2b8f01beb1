// Faults the hub survives (issue #6): a subgraph stopped, hanging, answering garbage, back on its
// port, or on a database it cannot reach. Real HTTP, real tokens, no gateway restart.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@iag/kit/testing';
import { personas } from '../gateway/src/auth/personas';
import { subgraphs } from '../scripts/subgraphs';
import { capturedLogger } from './captured-logs';
import { startHub, type Hub } from './hub';
import { COUNTRY_BRIEF } from './country-brief.query';
import { startDatabaseProxy } from './faults/support';

const analyst = personas['cisa-analyst'];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// State's country and organizations, partners' maturity, CISA's dependencies: every field partners
// fills is nullable, so with partners down the rest of the answer stands.
const ACROSS = /* GraphQL */ `
  query Across($code: ID!) {
    country(code: $code) {
      name
      organizations { name maturity { level } }
      dependencies(first: 5) { edges { node { criticality asset { name } } } }
    }
  }
`;
// Generous for a loaded machine (a normal fetch must never hit it), short enough to wait for.
const SUBGRAPH_TIMEOUT_MS = 3_000;
// What must never reach a client: internal addresses, errnos, driver and fetch messages, SQL.
const LEAKS = /127\.0\.0\.1|localhost|https?:\/\/|ECONN|EPIPE|fetch failed|socket|terminated|CONNECT_TIMEOUT|CONNECTION_|select |postgres|stack/i;

describe('one subgraph stopped, hanging, back, or on an unreachable database', () => {
  let hub: Hub;
  let partnersPort: number;
  let proxy: Awaited<ReturnType<typeof startDatabaseProxy>> | undefined;
  const { logger: gatewayLogger, lines: logs } = capturedLogger('gateway');

  beforeAll(async () => {
    hub = await startHub({ SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS) }, { logger: gatewayLogger });
    partnersPort = Number(new URL(hub.subgraphs.partners.url).port);
    if (onPostgres) proxy = await startDatabaseProxy(new URL(process.env.TEST_DATABASE_URL!));
  }, 300_000);
  afterAll(async () => {
    await hub?.close();
    await proxy?.close();
  });

  const expectPartnersMissing = (body: any, message: string, reason: string) => {
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) {
      expect(error).toMatchObject({ message, extensions: { code: 'SERVICE_UNAVAILABLE', service: 'partners', reason } });
      expect(error.path).toEqual(['country', 'organizations', expect.any(Number), 'maturity']);
    }
    // Everything the other agencies hold is there.
    const nl = body.data.country;
    expect(nl.name).toBe('Netherlands'); // state
    expect(nl.organizations.map((o: any) => o.name)).toContain('National Cyber Security Centre'); // state
    expect(nl.organizations.every((o: any) => o.maturity === null)).toBe(true); // partners
    expect(nl.dependencies.edges).toHaveLength(5); // cisa
    expect(JSON.stringify(body)).not.toMatch(LEAKS);
  };

  it('answers 200 with the other agencies’ data and one masked error naming the stopped service', async () => {
    await hub.subgraphs.partners.close();
    const { status, body } = await hub.as(analyst, ACROSS, { code: 'NL' });
    expect(status).toBe(200);
    expectPartnersMissing(body, 'The partners service is unavailable', 'UNREACHABLE');
    // One error per field partners would have filled (at its first occurrence), not one per organization.
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].path).toEqual(['country', 'organizations', 0, 'maturity']);
    // The operator's side: the original failure, with the request id, at warn.
    const line = logs.find((l) => l.msg === 'subgraph unavailable' && l.service === 'partners');
    expect(line).toMatchObject({ level: 40, failure: 'UNREACHABLE', requestId: expect.any(String) });
    expect(JSON.stringify(line)).toMatch(/ECONNREFUSED/);
  });

  it('answers the country brief with the other three agencies, masking the missing one', async () => {
    const { status, body } = await hub.as(analyst, COUNTRY_BRIEF, { code: 'NL' });
    expect(status).toBe(200);
    // Fields added to other agencies' entities are nullable, so only partners' fields are missing.
    const nl = body.data.country;
    expect(nl.name).toBe('Netherlands'); // state
    expect(nl.engagements.edges.length).toBeGreaterThan(0); // dhs
    expect(nl.dependencies.edges.length).toBeGreaterThan(0); // cisa
    expect(nl.threatProducts.edges.length).toBeGreaterThan(0); // cisa
    expect(nl.threatProducts.edges.every((e: any) => e.node.deliveries === null)).toBe(true); // partners
    // Two partners fetches (maturity, deliveries), each one error at the first field it fills.
    expect(body.errors.map((e: any) => [e.extensions.code, e.extensions.service, e.path.at(-1)])).toEqual(
      expect.arrayContaining([
        ['SERVICE_UNAVAILABLE', 'partners', 'maturity'],
        ['SERVICE_UNAVAILABLE', 'partners', 'deliveries'],
      ]),
    );
    expect(JSON.stringify(body)).not.toMatch(LEAKS);
  });

  it('says on /ready which subgraph is down, with 503 and no URL', async () => {
    const res = await fetch(new URL('/ready', hub.url));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'degraded', ready: false, subgraphs: { cisa: 'up', dhs: 'up', state: 'up', partners: 'down' } });
    expect(text).not.toMatch(LEAKS);
  });

  it('fails a hanging subgraph at the gateway’s timeout, not the client’s, keeping the rest', async () => {
    // Where partners listened, something now accepts requests and never answers.
    const received: Socket[] = [];
    const hang = createTcpServer((socket) => void received.push(socket.on('error', () => {})));
    await new Promise<void>((resolve) => hang.listen(partnersPort, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const { status, body } = await hub.as(analyst, ACROSS, { code: 'NL' });
      const took = Date.now() - started;
      expect(status).toBe(200);
      expectPartnersMissing(body, 'The partners service did not answer in time', 'TIMEOUT');
      expect(received.length).toBeGreaterThan(0);
      expect(took).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 100);
      expect(took).toBeLessThan(10 * SUBGRAPH_TIMEOUT_MS);
    } finally {
      for (const socket of received) socket.destroy();
      await new Promise((resolve) => hang.close(resolve));
    }
  });

  it('masks a non-2xx answer and a body that is not JSON the same way', async () => {
    const answers = [
      { status: 502, type: 'text/html', body: '<h1>502 Bad Gateway</h1> upstream http://10.0.0.7:4004 refused' },
      { status: 200, type: 'application/json', body: '{"data": {"_entities": [' },
    ];
    for (const answer of answers) {
      const fake = createHttpServer((_req, res) => res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body));
      await new Promise<void>((resolve) => fake.listen(partnersPort, '127.0.0.1', resolve));
      try {
        const { status, body } = await hub.as(analyst, ACROSS, { code: 'NL' });
        expect(status).toBe(200);
        expectPartnersMissing(body, 'The partners service is unavailable', 'BAD_RESPONSE');
        expect(JSON.stringify(body)).not.toMatch(/502|Bad Gateway|10\.0\.0\.7|Unexpected end|JSON/);
      } finally {
        fake.closeAllConnections();
        await new Promise((resolve) => fake.close(resolve));
      }
    }
  });

  it('answers whole again once the subgraph is back on its port, without a gateway restart', async () => {
    const partners = subgraphs.find((s) => s.name === 'partners')!;
    hub.subgraphs.partners = await startTestSubgraph(await partners.load(), {
      internalKeys: hub.internalKeys,
      port: partnersPort,
      // On PostgreSQL, through a proxy the next test cuts.
      databaseUrl: proxy?.rewrite,
      connectTimeoutMs: 1_000,
    });
    // The very first request after the restart: no stale keep-alive socket may fail it.
    const across = await hub.as(analyst, ACROSS, { code: 'NL' });
    expect(across.body.errors).toBeUndefined();
    expect(across.body.data.country.organizations.some((o: any) => o.maturity?.level >= 1)).toBe(true);
    const brief = await hub.as(analyst, COUNTRY_BRIEF, { code: 'NL' });
    expect(brief.body.errors).toBeUndefined();
    expect(brief.body.data.country.threatProducts.edges.length).toBeGreaterThan(0);
    const ready = await fetch(new URL('/ready', hub.url));
    expect(ready.status).toBe(200);
  });

  // An unreachable database means a database server: PGlite runs inside the process.
  it.skipIf(!onPostgres)('answers SERVICE_UNAVAILABLE while its database is unreachable, and recovers by itself', async () => {
    const direct = '{ maturityAssessments(first: 1) { totalCount } }';
    for (const how of ['refuse', 'blackhole'] as const) {
      await proxy!.cut(how);
      // Through the gateway: the other agencies' data, partners' fields null with its coded error.
      const { status, body } = await hub.as(analyst, ACROSS, { code: 'NL' });
      expect(status, how).toBe(200);
      expectPartnersMissing(body, 'The partners service is temporarily unavailable; try again shortly', 'DATABASE');
      // The subgraph itself: coded, with no host, SQL or driver message.
      const own = await hub.subgraphs.partners.post(direct);
      expect(own.body.errors, how).toEqual([
        {
          message: 'The partners service is temporarily unavailable; try again shortly',
          locations: expect.any(Array),
          path: ['maturityAssessments'],
          extensions: { code: 'SERVICE_UNAVAILABLE', service: 'partners', reason: 'DATABASE' },
        },
      ]);
      expect(JSON.stringify(own.body)).not.toMatch(LEAKS);
      await proxy!.restore();
      // No restart: the pool reconnects on the next query.
      const back = await hub.as(analyst, ACROSS, { code: 'NL' });
      expect(back.body.errors, how).toBeUndefined();
      expect(back.body.data.country.organizations.some((o: any) => o.maturity?.level >= 1)).toBe(true);
    }
  });
});
