// The checks of graphql-cop (github.com/dolevf/graphql-cop), the common GraphQL security audit,
// reproduced as real HTTP requests against the gateway in production mode with its default limits.
// Each `it` is one of its checks, sends what graphql-cop sends, and asserts the opposite of what
// graphql-cop reports as vulnerable (its criterion is quoted in each test).
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub({ NODE_ENV: 'production' });
}, 240_000);
afterAll(() => hub?.close());

/** graphql-cop's `graph_query`: a JSON POST of `{ query }`, with whatever headers it is given. */
async function graphQuery(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, text: await res.clone().text(), body: (await res.json()) as any };
}
const bearer = async () => ({ authorization: `Bearer ${await hub.tokenFor(personas['partner-nl'])}` });
const codes = (body: any) => (body.errors ?? []).map((e: any) => e.extensions?.code);

describe('graphql-cop, against the gateway in production', () => {
  it('Alias Overloading (DoS): a hundred and one aliases are refused', async () => {
    // Vulnerable if `data.alias100` is answered.
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename`).join('\n');
    const { status, body } = await graphQuery(`query { ${aliases} }`);
    expect(status).toBe(400);
    expect(body.data?.alias100).toBeUndefined();
    expect(codes(body)).toEqual(['OPERATION_LIMIT_EXCEEDED']);
  });

  it('Batch Queries (DoS): an array of operations is refused whole', async () => {
    // Vulnerable if ten or more results come back for an array of eleven `query { __typename }`.
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 11 }, () => ({ query: 'query { __typename }' }))),
    });
    const body: any = await res.json();
    expect(res.status).toBe(400);
    expect(Array.isArray(body)).toBe(false);
    expect(body.data).toBeUndefined();
    expect(codes(body)).toEqual(['BAD_REQUEST']);
  });

  it('Directive Overloading (DoS): ten directives on one field are refused with one error, not ten', async () => {
    // Vulnerable if the answer has exactly ten errors (one per directive: all were processed).
    const { status, body } = await graphQuery('query { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'directives' });
    // And the same with a directive that exists, a thousand times over: refused by the token limit.
    const many = await graphQuery(`query { __typename${' @include(if: true)'.repeat(1000)} }`);
    expect(many.status).toBe(400);
    expect(many.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens' } })]);
  });

  it('Field Duplication (DoS): five hundred copies of a field are refused', async () => {
    // Vulnerable if `data.__typename` is answered.
    const { status, body } = await graphQuery(`query { ${'__typename \n'.repeat(500)}} `);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toEqual({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'field duplication' });
  });

  it('Field Suggestions: no "Did you mean" in any answer, to anonymous or authenticated callers', async () => {
    // Vulnerable if the first error's message contains "Did you mean".
    const probes = [
      'query { __schema { directive } }',
      '{ country(code: "NL") { nmae } }',
      '{ countrie(code: "NL") { name } }',
      '{ threatProducts(frist: 1) { totalCount } }',
      '{ threatProducts(tlp: REDD) { totalCount } }',
    ];
    for (const headers of [{}, await bearer()]) {
      for (const query of probes) {
        const { text, body } = await graphQuery(query, headers);
        expect(body.errors.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/Did you mean/i);
      }
      // Variables are coerced outside validation, and their errors suggest too.
      const res = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: 'query Q($tlp: Tlp) { threatProducts(tlp: $tlp) { totalCount } }', variables: { tlp: 'REDD' } }),
      });
      const text = await res.text();
      expect(JSON.parse(text).errors.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/Did you mean/i);
    }
  });

  it('GET Method Query Support (CSRF): a GET a browser could send cross-site is refused', async () => {
    // Vulnerable if GET ?query={__typename} answers `data.__typename`.
    const res = await fetch(`${hub.url}?query=${encodeURIComponent('{__typename}')}`);
    const body: any = await res.json();
    expect(res.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    // Not a refusal of GET as such: a client that sends a header a form cannot still may use it.
    const preflighted = await fetch(`${hub.url}?query=${encodeURIComponent('{__typename}')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('Mutation is allowed over GET (CSRF): refused, with or without a preflight header', async () => {
    // Vulnerable if GET ?query=mutation {__typename} answers `data.__typename`.
    const url = `${hub.url}?query=${encodeURIComponent('mutation {__typename}')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(((await simple.json()) as any).data).toBeUndefined();
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(405);
    expect(preflighted.headers.get('allow')).toBe('POST');
    const body: any = await preflighted.json();
    expect(body.data).toBeUndefined();
    expect(codes(body)).toEqual(['BAD_REQUEST']);
  });

  it('POST based url-encoded query (CSRF): a POST without a JSON content type is refused', async () => {
    // Vulnerable if POST ?query=query {__typename} (no JSON body) answers `data.__typename`.
    const query = 'query {__typename}';
    const attempts = [
      fetch(`${hub.url}?query=${encodeURIComponent(query)}`, { method: 'POST' }),
      fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(query)}` }),
      fetch(hub.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query }) }),
      fetch(hub.url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--` }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(400);
      const body: any = await res.json();
      expect(body.data).toBeUndefined();
      expect(codes(body)).toEqual(['BAD_REQUEST']);
    }
  });

  it('Introspection: refused to anonymous callers', async () => {
    // Vulnerable if the full introspection query answers `data.__schema`.
    const { status, body } = await graphQuery(getIntrospectionQuery());
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
  });

  it('Introspection-based Circular Query (DoS): refused to anonymous callers, and to authenticated ones', async () => {
    // Vulnerable if `data.__schema.types` comes back with more than 25 types.
    const query = 'query { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';
    // Anonymous: refused by the limit, which runs (in validation) before the authentication check.
    const anonymous = await graphQuery(query);
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.data).toBeUndefined();
    expect(codes(anonymous.body)).toEqual(['OPERATION_LIMIT_EXCEEDED']);
    const authenticated = await graphQuery(query, await bearer());
    expect(authenticated.status).toBe(400);
    expect(authenticated.body.data).toBeUndefined();
    expect(authenticated.body.errors[0].extensions).toEqual({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'introspection depth' });
    // While the explorer's own introspection query still works for them.
    const standard = await graphQuery(getIntrospectionQuery({ inputValueDeprecation: true }), await bearer());
    expect(standard.body.errors).toBeUndefined();
    expect(standard.body.data.__schema.types.length).toBeGreaterThan(25);
  });

  it('Circular Fragment (DoS): refused', async () => {
    // Vulnerable if the answer has no `errors`.
    const query = 'query { __schema { ...A } } fragment A on __Schema { __typename ...B } fragment B on __Schema { ...A }';
    for (const headers of [{}, await bearer()]) {
      const { status, body } = await graphQuery(query, headers);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(body.errors.length).toBeGreaterThan(0);
      expect(body.data).toBeUndefined();
    }
  });

  it('GraphQL IDE: the explorer is served on purpose, and reveals nothing without a token', async () => {
    // graphql-cop reports an IDE at /graphiql, /playground, /console or /graphql as an information
    // leak (LOW). The explorer is part of the product (analysts explore the graph in a browser) and
    // is bundled static code: the schema reaches it only through introspection, which production
    // answers to authenticated callers only, and it has no persona picker or development token.
    for (const path of ['/graphiql', '/playground', '/console']) {
      expect((await fetch(new URL(path, hub.url))).status).toBe(404);
    }
    const page = await fetch(hub.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/GraphiQL|graphiql/);
    expect(html).not.toMatch(/ThreatProduct|Dependency|persona|dev-token|BEGIN PRIVATE KEY|"d":/);
    expect((await fetch(new URL('/explorer/dev-token', hub.url))).status).toBe(404);
  });

  it('Trace Mode: no tracing, exception or stack trace in an answer', async () => {
    // Vulnerable if an answer carries `extensions.tracing`, `extensions.exception` or "stacktrace".
    for (const query of ['query { __typename }', '{ country(code: "NL") { name } }', '{ threatProduct(id: "tp-33") { id } }']) {
      const { text, body } = await graphQuery(query);
      expect(body.extensions?.tracing).toBeUndefined();
      expect(text).not.toMatch(/stacktrace|exception|tracing/i);
    }
  });

  it('Unhandled Errors Detection: a malformed document gets a coded error, without exception details', async () => {
    // Vulnerable if `errors[0].extensions.exception` is set.
    for (const query of ['qwerty cop { abc }', '{ country(code: true) { name } }', '{', 'query { __typename } }']) {
      const { status, text, body } = await graphQuery(query);
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
      expect(text).not.toMatch(/stacktrace|exception|at .*\.(js|ts):\d|node_modules/i);
    }
    // A body that is not JSON at all.
    const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/stacktrace|exception|SyntaxError|node_modules/i);
  });

  it('Character limit: a huge document is refused before it is parsed, and a huge body before it is read', async () => {
    // Not one of graphql-cop's checks by name, but what its DoS checks probe: size.
    const tokens = await graphQuery(`{ ${'__typename '.repeat(20_000)}}`);
    expect(tokens.status).toBe(400);
    expect(tokens.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens' } })]);
    expect(tokens.text).not.toMatch(/\d/);
    const body = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename }${' '.repeat(300_000)}` }) });
    expect(body.status).toBe(413);
  });

  it('Fragment bomb (DoS): a document tiny to send but exponential to expand is refused quickly', async () => {
    // Each fragment spreads the next one twice: 2^30 selections once expanded, 1 kB sent.
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query{...F${i + 1} ...on Query{...F${i + 1}}}`).join(' ');
    const started = Date.now();
    const { status, body } = await graphQuery(`{...F0} ${fragments} fragment F30 on Query{countries(first: 100){totalCount}}`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
