// The gateway's operation limits (docs/limits.md), from outside: real HTTP and real tokens against
// a hub configured with small limits, so that each one can be shown to refuse just over and admit
// just under. The defaults are measured against the documented queries in
// gateway/src/limits/limits.test.ts, and run with them by test/queries.test.ts and
// test/country-brief.test.ts.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Lexer, Source, TokenKind } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';
import { eventually } from './processes';

const LIMITS = {
  LIMIT_DEPTH: '5',
  LIMIT_ALIASES: '3',
  LIMIT_ROOT_FIELDS: '3',
  LIMIT_DIRECTIVES: '3',
  LIMIT_TOKENS: '200',
  LIMIT_COST: '200',
  MAX_BODY_BYTES: '2048',
  REQUEST_TIMEOUT_MS: '6000',
  // Longer than the request deadline, so that a stalled subgraph meets the deadline first.
  SUBGRAPH_TIMEOUT_MS: '30000',
};
const analyst = personas['cisa-analyst'];

/** Sits in front of the State subgraph and, when asked, holds its requests back. */
class StallingProxy {
  target = '';
  stallMs = 0;
  /** Requests whose caller closed the connection before they were answered. */
  cancelled = 0;
  /** Headers the gateway sent; its internal fetch-signal key must never be among them. */
  readonly headerNames = new Set<string>();
  readonly server: Server = createServer((req, res) => {
    for (const name of Object.keys(req.headers)) this.headerNames.add(name);
    res.once('close', () => {
      if (!res.writableFinished) this.cancelled++;
    });
    const forward = () => {
      const upstream = request(this.target, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (this.stallMs) setTimeout(forward, this.stallMs).unref();
    else forward();
  });
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }
}

let hub: Hub;
const proxy = new StallingProxy();
beforeAll(async () => {
  hub = await startHub({ ...LIMITS, STATE_URL: await proxy.listen() });
  proxy.target = hub.subgraphs.state.url;
}, 240_000);
afterAll(async () => {
  await hub?.close();
  proxy.server.closeAllConnections();
  proxy.server.close();
});

const asAnalyst = (query: string, variables?: Record<string, unknown>) => hub.as(analyst, query, variables);

/** The one answer every refusal gets: 400, a single coded error naming the kind, and no number. */
function expectRefused(answer: { status: number; body: any }, kind?: string) {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors;
  expect(error.extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
  if (kind) {
    expect(error.extensions.limit).toBe(kind);
    expect(error.message).toContain(kind);
  }
  expect(error.message).not.toMatch(/\d/);
  expect(JSON.stringify(answer.body)).not.toMatch(/\d/);
}

/** Answered, and not refused by a limit (it may still carry FORBIDDEN and the like). */
function expectAdmitted(answer: { status: number; body: any }) {
  expect(answer.body.errors?.filter((e: any) => e.extensions?.code === 'OPERATION_LIMIT_EXCEEDED') ?? []).toEqual([]);
  expect(answer.status).toBe(200);
  expect(answer.body.data).toBeTruthy();
}

const tokenCount = (query: string) => {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
};

/**
 * A valid query of exactly `n` tokens that no other limit refuses: `__typename`s, at most five to a
 * selection set, spread over inline fragments on Query (which count neither as depth nor as root
 * fields). `... on Query { a b c d e }` is ten tokens.
 */
function queryOfTokens(n: number): string {
  let body = '';
  let left = n - 2;
  while (left >= 10) {
    body += ' ... on Query { __typename __typename __typename __typename __typename }';
    left -= 10;
  }
  if (left > 5) body += ` ... on Query {${' __typename'.repeat(left - 5)} }`;
  else body += ' __typename'.repeat(left);
  return `{${body} }`;
}

describe('depth', () => {
  it('admits five levels and refuses six', async () => {
    expectAdmitted(await hub.post('{ countries(first: 1) { edges { node { organizations { id } } } } }'));
    expectRefused(await hub.post('{ countries(first: 1) { edges { node { organizations { country { code } } } } } }'), 'depth');
  });

  it('measures fragments as the selections they stand for: they neither add levels nor hide them', async () => {
    expectAdmitted(await hub.post('{ countries(first: 1) { ...E } } fragment E on CountryConnection { edges { node { ...O } } } fragment O on Country { organizations { id } }'));
    expectRefused(
      await hub.post(`{ countries(first: 1) { ...E } } fragment E on CountryConnection { ... on CountryConnection { edges { node { ...O } } } }
        fragment O on Country { organizations { ...C } } fragment C on Organization { country { code } }`),
      'depth',
    );
  });

  it('refuses a deep chain of nested fragments nobody wrote by hand', async () => {
    const chain = Array.from({ length: 8 }, (_, i) => `fragment F${i} on Country { organizations { country { ...F${i + 1} } } }`).join(' ');
    expectRefused(await hub.post(`{ country(code: "NL") { ...F0 } } ${chain} fragment F8 on Country { code }`), 'depth');
  });
});

describe('aliases', () => {
  it('admits three and refuses four, wherever they are written', async () => {
    expectAdmitted(await hub.post('{ country(code: "NL") { a: name b: name c: code } }'));
    expectRefused(await hub.post('{ country(code: "NL") { a: name b: name c: code d: code } }'), 'aliases');
    expectRefused(await hub.post('{ country(code: "NL") { a: name ...F } } fragment F on Country { b: name ... on Country { c: code d: code } }'), 'aliases');
  });

  it('counts aliases of __typename and of introspection', async () => {
    expectRefused(await hub.post('{ a: __typename b: __typename c: __typename d: __typename }'), 'aliases');
    expectRefused(await hub.post(`{ ${Array.from({ length: 4 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`), 'aliases');
  });
});

describe('root fields', () => {
  const three = 'countries(first: 1) { totalCount } sectors { code } threatProducts(first: 1) { totalCount }';
  it('admits three and refuses four', async () => {
    expectAdmitted(await hub.post(`{ ${three} }`));
    expectRefused(await hub.post(`{ ${three} vulnerabilities(first: 1) { totalCount } }`), 'root fields');
  });

  it('counts them through fragments, however nested', async () => {
    expectRefused(
      await hub.post(`{ countries(first: 1) { totalCount } ...R } fragment R on Query { sectors { code } ... on Query { ...S } }
        fragment S on Query { threatProducts(first: 1) { totalCount } vulnerabilities(first: 1) { totalCount } }`),
      'root fields',
    );
  });
});

describe('directives', () => {
  it('admits three and refuses four', async () => {
    expectAdmitted(await hub.post('{ country(code: "NL") { name @include(if: true) region @include(if: true) @skip(if: false) } }'));
    expectRefused(await hub.post('{ country(code: "NL") { name @include(if: true) @skip(if: false) region @include(if: true) @skip(if: false) } }'), 'directives');
  });

  it('refuses a field drowned in directives, known or not, with one error and not one per directive', async () => {
    expectRefused(await hub.post(`{ __typename${' @aa'.repeat(10)} }`), 'directives');
    // A hundred `@include(if: true)` is six hundred tokens: the parser stops long before.
    expectRefused(await hub.post(`{ __typename${' @include(if: true)'.repeat(100)} }`), 'tokens');
  });
});

describe('tokens', () => {
  it('admits two hundred and refuses two hundred and one', async () => {
    expect(tokenCount(queryOfTokens(200))).toBe(200);
    expect(tokenCount(queryOfTokens(201))).toBe(201);
    expectAdmitted(await hub.post(queryOfTokens(200)));
    expectRefused(await hub.post(queryOfTokens(201)), 'tokens');
  });

  it('refuses a long run of tokens before it is parsed into anything', async () => {
    expectRefused(await hub.post(`{ ${'a '.repeat(900)}}`), 'tokens');
  });
});

describe('cost', () => {
  // 1 country + 1 dependencies + n x (1 edges + 1 node + 1 id)
  const NESTED = 'query Q($n: Int) { country(code: "NL") { dependencies(first: $n) { edges { node { id } } } } }';

  it('grows with the page asked for: a nested `first: 100` is refused where `first: 1` and `first: 50` pass', async () => {
    const one = await asAnalyst(NESTED, { n: 1 });
    expectAdmitted(one);
    expect(one.body.data.country.dependencies.edges).toHaveLength(1);
    expectAdmitted(await asAnalyst(NESTED, { n: 50 })); // 152
    expectRefused(await asAnalyst(NESTED, { n: 100 }), 'cost'); // 302
    expectRefused(await asAnalyst('{ country(code: "NL") { dependencies(first: 100) { edges { node { id } } } } }'), 'cost');
  });

  it('adds up aliases and fragments: neither splits a costly operation into cheap parts', async () => {
    const page = (n: number) => `dependencies(first: ${n}) { edges { node { id } } }`; // 1 + 3n
    expectAdmitted(await asAnalyst(`{ ${page(60)} }`)); // 181
    expectRefused(await asAnalyst(`{ a: ${page(30)} b: ${page(30)} c: ${page(10)} }`), 'cost'); // 91 + 91 + 31
    expectRefused(await asAnalyst(`{ ...A ...B } fragment A on Query { a: ${page(40)} } fragment B on Query { b: ${page(40)} }`), 'cost');
  });

});

describe('request body size', () => {
  /** A JSON body of exactly `bytes` bytes around a valid query, padded with insignificant spaces. */
  const bodyOf = (bytes: number) => {
    const bare = JSON.stringify({ query: '{ __typename }' });
    return JSON.stringify({ query: `{ __typename }${' '.repeat(bytes - bare.length)}` });
  };
  const send = (body: string) => fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('admits a body at the limit and refuses one byte more with 413, naming no number', async () => {
    expect(Buffer.byteLength(bodyOf(2048))).toBe(2048);
    const under = await send(bodyOf(2048));
    expect(under.status).toBe(200);
    expect(((await under.json()) as any).data).toEqual({ __typename: 'Query' });
    const over = await send(bodyOf(2049));
    expect(over.status).toBe(413);
    const body: any = await over.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/\d/);
  });
});

describe('the request deadline', () => {
  it('answers 504 GATEWAY_TIMEOUT when a subgraph stalls past it, long before the subgraph timeout', async () => {
    proxy.stallMs = 20_000;
    const cancelledBefore = proxy.cancelled;
    try {
      const started = Date.now();
      const { status, body } = await hub.post('{ country(code: "NL") { name } }');
      expect(status).toBe(504);
      expect(body).toEqual({ errors: [{ message: 'The request took too long and was stopped.', extensions: { code: 'GATEWAY_TIMEOUT' } }] });
      expect(Date.now() - started).toBeLessThan(15_000);
      // The fetch nobody waits for any more is cancelled, not left to the 30 s subgraph timeout:
      // the stalled subgraph sees its caller hang up while it still holds the request.
      await eventually(async () => proxy.cancelled > cancelledBefore, 8_000, 'the stalled fetch to be cancelled');
      expect(proxy.headerNames).toContain('x-request-id');
      expect([...proxy.headerNames].filter((name) => name.startsWith('x-iag'))).toEqual([]);
      // Counted as cancelled by the gateway, not as a failure of the subgraph.
      const metrics = await (await fetch(new URL('/metrics', hub.url))).text();
      expect(metrics).toMatch(/subgraph_fetch_errors_total\{[^}]*kind="aborted"[^}]*\} [1-9]/);
    } finally {
      proxy.stallMs = 0;
    }
    // The gateway is none the worse for it.
    expectAdmitted(await hub.post('{ country(code: "NL") { name } }'));
  }, 40_000);

  it('answers 504 to a client that trickles its body', async () => {
    const url = new URL(hub.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '100' } },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: text });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      req.write('{"query":'); // and nothing more
    });
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('GATEWAY_TIMEOUT');
  }, 40_000);
});

describe('field suggestions in development', () => {
  it('are kept: they help whoever is writing the query', async () => {
    const { body } = await hub.post('{ country(code: "NL") { nmae } }');
    expect(body.errors[0].message).toMatch(/Did you mean "name"\?/);
  });
});
