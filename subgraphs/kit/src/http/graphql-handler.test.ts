import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { createGraphQLHandler, type Route } from './graphql-handler';
import { maskError, operationGuardPlugin } from './format-error';
import { listen, type Listening } from './listen';
import { createLogger } from '../logger';

const servers: { apollo: ApolloServer; listening: Listening }[] = [];
let withLanding: string;
let withoutLanding: string;
const authenticated: string[] = [];

async function start(landing?: Route): Promise<string> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
  await apollo.start();
  const handler = createGraphQLHandler(apollo, {
    logger: createLogger('test', 'silent'),
    authenticate: async (req) => {
      authenticated.push(req.method ?? '');
      return 'caller';
    },
    context: async () => ({}),
    landing,
  });
  const listening = await listen(handler, 0, '127.0.0.1');
  servers.push({ apollo, listening });
  return listening.url;
}

beforeAll(async () => {
  withLanding = await start((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<h1>explorer</h1>');
  });
  withoutLanding = await start();
});
afterAll(() => Promise.all(servers.map(async (s) => (await s.listening.close(), await s.apollo.stop()))));

const browser = 'text/html,application/xhtml+xml,*/*;q=0.8';
const query = `?query=${encodeURIComponent('{ hello }')}`;

describe('the landing option', () => {
  it('answers a browser opening the GraphQL path, before authentication', async () => {
    authenticated.length = 0;
    const res = await fetch(withLanding, { headers: { accept: browser } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<h1>explorer</h1>');
    expect(authenticated).toEqual([]);
  });

  it('leaves GraphQL alone: POST, and GET without text/html in Accept', async () => {
    const post = await fetch(withLanding, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: browser },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(await post.json()).toEqual({ data: { hello: 'world' } });
    for (const accept of ['application/json', '*/*']) {
      const get = await fetch(`${withLanding}${query}`, { headers: { accept, 'apollo-require-preflight': 'true' } });
      expect(await get.json(), accept).toEqual({ data: { hello: 'world' } });
    }
  });

  it('changes nothing when not given: the request goes through authentication to Apollo', async () => {
    authenticated.length = 0;
    const res = await fetch(withoutLanding, { headers: { accept: browser } });
    expect(await res.text()).not.toContain('<h1>explorer</h1>');
    expect(authenticated).toEqual(['GET']);
  });
});

// Regressions found by the fuzz of test/fuzz.test.ts: every refusal is a GraphQL-shaped JSON error.
describe('refusals', () => {
  let url: string;
  beforeAll(async () => {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { hello(name: String, names: [String]): String }',
      resolvers: { Query: { hello: () => 'world' } },
      plugins: [operationGuardPlugin],
      formatError: (formatted, error) => maskError(formatted, error),
    });
    await apollo.start();
    const handler = createGraphQLHandler(apollo, { logger: createLogger('test', 'silent'), authenticate: async () => 'caller', context: async () => ({}) });
    const listening = await listen(handler, 0, '127.0.0.1');
    servers.push({ apollo, listening });
    url = listening.url;
  });
  const post = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const codes = async (res: Response) => ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code);
  /** Sends bytes node's own HTTP client refuses to send, and returns the raw answer. */
  const raw = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.end(request);
    });

  it('answers an unknown path with a NOT_FOUND error', async () => {
    const res = await fetch(new URL('/nope', url));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });

  it("answers what node's HTTP parser refuses (a NUL byte in a header, oversized headers) in JSON", async () => {
    const nul = await raw('POST /graphql HTTP/1.1\r\nhost: x\r\nx-id: a\u0000b\r\ncontent-length: 0\r\n\r\n');
    expect(nul).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(nul.slice(nul.indexOf('\r\n\r\n') + 4))).toEqual({ errors: [{ message: 'The request is not valid HTTP', extensions: { code: 'BAD_REQUEST' } }] });
    const huge = await raw(`GET /graphql HTTP/1.1\r\nhost: x\r\nx-huge: ${'h'.repeat(40_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4)).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it("shows Apollo's own request errors (persisted query hash or version) as BAD_REQUEST, not masked", async () => {
    const mismatch = await post({ query: '{ hello }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toEqual({ errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }] });
    const version = await post({ extensions: { persistedQuery: { version: 2 } } });
    expect(await codes(version)).toEqual(['BAD_REQUEST']);
  });

  it('refuses a subscription on a schema without subscriptions with 400, not an internal error', async () => {
    const res = await post({ query: 'subscription { hello }' });
    expect(res.status).toBe(400);
    expect(await codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const unknown = await post({ query: 'query A { hello }', operationName: 'B' });
    expect(unknown.status).toBe(400);
    expect(await codes(unknown)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });

  // Found by test/fuzz.test.ts (seed 4058122956): a NUL in a product id reached PostgreSQL, whose
  // text cannot hold it, and came back as an internal error.
  it('refuses NUL characters in variables and in literals as bad input, before any resolver', async () => {
    const inVariable = await post({ query: 'query($s: String) { hello(name: $s) }', variables: { s: 'a\u0000b' } });
    expect(inVariable.status).toBe(400);
    expect(await codes(inVariable)).toEqual(['BAD_USER_INPUT']);
    const nested = await post({ query: 'query($s: [String]) { hello(names: $s) }', variables: { s: ['ok', 'x\u0000'] } });
    expect(await codes(nested)).toEqual(['BAD_USER_INPUT']);
    const literal = await post({ query: '{ hello(name: "a\\u0000b") }' });
    expect(literal.status).toBe(400);
    const clean = await post({ query: 'query($s: String) { hello(name: $s) }', variables: { s: 'naïve \u202e ok' } });
    expect(await clean.json()).toEqual({ data: { hello: 'world' } });
  });
});
