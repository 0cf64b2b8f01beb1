import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { ncfCode } from './ncf.code';

describe('ncfCode', () => {
  it('upper-cases the name and turns every run of other characters into one underscore', () => {
    expect(ncfCode('Operate Core Network')).toBe('OPERATE_CORE_NETWORK');
    expect(ncfCode('Provide Internet Routing, Access, and Connection Services')).toBe(
      'PROVIDE_INTERNET_ROUTING_ACCESS_AND_CONNECTION_SERVICES',
    );
    expect(ncfCode('Provide Payment, Clearing, and Settlement Services')).toBe(
      'PROVIDE_PAYMENT_CLEARING_AND_SETTLEMENT_SERVICES',
    );
  });
});

// Reference data only: the demo set is not loaded, which also proves functions do not depend on it.
describe('national critical functions', () => {
  let subgraph: StartedSubgraph<CisaSchema>;
  const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);

  beforeAll(async () => {
    subgraph = await startTestSubgraph(cisaMain, { demo: false });
  });
  afterAll(() => subgraph?.close());

  it('are seeded without the demo set, which is left out', async () => {
    const { body } = await gql(`{ all: nationalCriticalFunctions(first: 0) { totalCount }
      connect: nationalCriticalFunctions(area: CONNECT) { totalCount }
      manage: nationalCriticalFunctions(area: MANAGE) { totalCount }
      assets(first: 0) { totalCount } dependencies(first: 0) { totalCount } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      all: { totalCount: 55 },
      connect: { totalCount: 9 },
      manage: { totalCount: 24 },
      assets: { totalCount: 0 },
      dependencies: { totalCount: 0 },
    });
  });

  it('list by area then name, and page', async () => {
    const first = await gql(
      '{ nationalCriticalFunctions(first: 50) { edges { node { code area } } pageInfo { hasNextPage endCursor } } }',
    );
    const page = first.body.data.nationalCriticalFunctions;
    expect(page.edges[0].node).toEqual({ code: 'OPERATE_CORE_NETWORK', area: 'CONNECT' });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(
      'query($after: String) { nationalCriticalFunctions(after: $after) { edges { node { code area } } pageInfo { hasNextPage } } }',
      { after: page.pageInfo.endCursor },
    );
    const tail = rest.body.data.nationalCriticalFunctions;
    expect(tail.edges).toHaveLength(5);
    expect(tail.edges.every((e: any) => e.node.area === 'SUPPLY')).toBe(true);
    expect(tail.pageInfo.hasNextPage).toBe(false);
  });

  it('resolve by code (any case), NOT_FOUND for an unknown one, and through _entities', async () => {
    const { body } = await gql('{ nationalCriticalFunction(code: "supply_water") { code name area } }');
    expect(body.data.nationalCriticalFunction).toEqual({ code: 'SUPPLY_WATER', name: 'Supply Water', area: 'SUPPLY' });
    const missing = await gql('{ nationalCriticalFunction(code: "BREW_COFFEE") { code } }');
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'NationalCriticalFunction' });
    const entities = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ...on NationalCriticalFunction { code area } } }',
      {
        r: [
          { __typename: 'NationalCriticalFunction', code: 'GENERATE_ELECTRICITY' },
          { __typename: 'NationalCriticalFunction', code: 'NOPE' },
        ],
      },
    );
    expect(entities.body.data._entities).toEqual([{ code: 'GENERATE_ELECTRICITY', area: 'SUPPLY' }, null]);
  });
});
