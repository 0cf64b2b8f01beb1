// Introspection in the two modes of DESIGN.md, from outside: real HTTP and real tokens. Production
// describes the schema to authenticated callers only; development to anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';

const SCHEMA = '{ __schema { queryType { name } types { name } } }';
const TYPE = '{ __type(name: "ThreatProduct") { fields { name } } }';
const HIDDEN = `query Innocent { countries(first: 1) { totalCount } ...More }
  fragment More on Query { ... on Query { ...Deeper } }
  fragment Deeper on Query { __schema { types { name } } }`;

let production: Hub;
let development: Hub;
beforeAll(async () => {
  // One at a time: each starts four subgraphs on a machine with two cores.
  production = await startHub({ NODE_ENV: 'production' });
  development = await startHub();
}, 180_000);
afterAll(async () => {
  await production?.close();
  await development?.close();
});

describe('in production', () => {
  it.each([
    ['__schema', SCHEMA],
    ['__type', TYPE],
    ['__schema hidden in nested fragments', HIDDEN],
  ])('refuses %s to an anonymous caller with 401 UNAUTHENTICATED, revealing nothing', async (_name, query) => {
    const { status, body } = await production.post(query);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      { message: 'Introspection needs an authenticated caller: send a bearer token.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/ThreatProduct|Country|http:|stack/);
  });

  it('answers an authenticated caller, partner or government', async () => {
    for (const persona of ['partner-nl', 'cisa-analyst'] as const) {
      const { status, body } = await production.as(personas[persona], SCHEMA);
      expect(status).toBe(200);
      expect(body.data.__schema.queryType.name).toBe('Query');
      expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('ThreatProduct');
    }
    const hidden = await production.as(personas['partner-nl'], HIDDEN);
    expect(hidden.body.errors).toBeUndefined();
  });

  it('still lets an anonymous caller ask for __typename and public data', async () => {
    const { status, body } = await production.post('{ __typename countries(first: 1) { __typename totalCount } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.countries.totalCount).toBe(249);
  });
});

describe('in development', () => {
  it('answers anyone, anonymous included', async () => {
    for (const query of [SCHEMA, HIDDEN]) {
      const { status, body } = await development.post(query);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
  });
});
