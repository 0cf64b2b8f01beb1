import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from './db/schema';
import { cisaMain } from './main';
import { personas, type PersonaName } from './test-personas';

// Assets, dependencies and risk: US government with dependencies:read only (docs/access.md).
let subgraph: StartedSubgraph<CisaSchema>;
let dependencyId: string;
const ASSET = 'asset-nl-rotterdam-maasvlakte';
const as = (name: PersonaName, query: string, variables?: Record<string, unknown>) =>
  subgraph.post(query, variables, personas[name]).then((r) => r.body);
const codes = (body: { errors?: { extensions: { code: string } }[] }) => body.errors?.map((e) => e.extensions.code);
const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const roots = `query($a: ID!, $d: ID!) { assets(first: 1) { totalCount } dependencies(first: 1) { totalCount }
  asset(id: $a) { id } dependency(id: $d) { id } }`;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
  const body = await as('testPrincipal', '{ dependencies(first: 1) { edges { node { id } } } }');
  dependencyId = body.data.dependencies.edges[0].node.id;
});
afterAll(() => subgraph?.close());

describe('assets and dependencies', () => {
  it.each([
    ['partnerNl', 'FORBIDDEN'],
    ['cisaNoScopes', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('refuses the root fields to %s with %s', async (name, code) => {
    const body = await as(name, roots, { a: ASSET, d: dependencyId });
    expect(body.data).toBeNull();
    expect(new Set(codes(body))).toEqual(new Set([code]));
  });

  it('answers them for a US principal of any agency with dependencies:read', async () => {
    const body = await as('dhsAnalyst', roots, { a: ASSET, d: dependencyId });
    expect(body.errors).toBeUndefined();
    expect(body.data.asset.id).toBe(ASSET);
    expect(body.data.dependencies.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['partnerDe', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('refuses Asset and Dependency _entities to %s, other entities intact', async (name, code) => {
    const body = await as(name, entities('__typename ... on Asset { id } ... on Dependency { id } ... on NationalCriticalFunction { code }'), {
      r: [
        { __typename: 'Asset', id: ASSET },
        { __typename: 'Dependency', id: dependencyId },
        { __typename: 'NationalCriticalFunction', code: 'OPERATE_CORE_NETWORK' },
      ],
    });
    expect(body.data._entities).toEqual([null, null, { __typename: 'NationalCriticalFunction', code: 'OPERATE_CORE_NETWORK' }]);
    expect(codes(body)).toEqual([code, code]);
  });

  it("gives a partner the rest of a country, sector or organization, with the exposure fields null and FORBIDDEN", async () => {
    const body = await as(
      'partnerNl',
      entities(`... on Country { code assets(first: 1) { totalCount } dependencies { totalCount }
          threatProducts(first: 1) { totalCount } }
        ... on Sector { code dependencies { totalCount } }
        ... on Organization { id operatedAssets { id } }`),
      {
        r: [
          { __typename: 'Country', code: 'NL' },
          { __typename: 'Sector', code: 'ENERGY' },
          { __typename: 'Organization', id: 'nl-maasvlakte-terminals' },
        ],
      },
    );
    const [country, sector, organization] = body.data._entities;
    expect(country).toMatchObject({ code: 'NL', assets: null, dependencies: null });
    expect(country.threatProducts.totalCount).toBeGreaterThan(0);
    expect(sector).toEqual({ code: 'ENERGY', dependencies: null });
    expect(organization).toEqual({ id: 'nl-maasvlakte-terminals', operatedAssets: null });
    expect(codes(body)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('gives the same fields to a US principal with the scope', async () => {
    const body = await as('dhsAnalyst', entities('... on Country { code dependencies { totalCount } }'), {
      r: [{ __typename: 'Country', code: 'NL' }],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0].dependencies.totalCount).toBeGreaterThan(0);
  });
});
