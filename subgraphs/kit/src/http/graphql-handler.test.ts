import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler, type Route } from './graphql-handler';
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
