import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateSchema } from './db/schema';
import { stateMain } from './main';

let subgraph: StartedSubgraph<StateSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);

beforeAll(async () => {
  subgraph = await startTestSubgraph(stateMain);
});
afterAll(() => subgraph?.close());

describe('state subgraph', () => {
  it('serves all ISO 3166-1 countries with their region', async () => {
    const { body } = await gql('{ countries(first: 0) { totalCount } country(code: "nl") { code alpha3 name region } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.countries.totalCount).toBe(249);
    expect(body.data.country).toEqual({ code: 'NL', alpha3: 'NLD', name: 'Netherlands', region: 'Europe' });
  });

  it('answers NOT_FOUND for an unknown key', async () => {
    const { body } = await gql('{ country(code: "QQ") { name } }');
    expect(body.data.country).toBeNull();
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('filters and pages organizations', async () => {
    const first = await gql('{ organizations(kind: NATIONAL_CSIRT, first: 5) { totalCount edges { cursor node { id kind } } pageInfo { hasNextPage endCursor } } }');
    const page1 = first.body.data.organizations;
    expect(page1.edges).toHaveLength(5);
    expect(page1.edges.every((e: any) => e.node.kind === 'NATIONAL_CSIRT')).toBe(true);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql('query($after: String) { organizations(kind: NATIONAL_CSIRT, first: 5, after: $after) { edges { node { id } } pageInfo { hasPreviousPage } } }', { after: page1.pageInfo.endCursor });
    const ids1 = page1.edges.map((e: any) => e.node.id);
    const ids2 = second.body.data.organizations.edges.map((e: any) => e.node.id);
    expect(ids2.some((id: string) => ids1.includes(id))).toBe(false);
    expect(second.body.data.organizations.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses a page larger than the maximum and a forged cursor', async () => {
    const big = await gql('{ organizations(first: 1000) { totalCount } }');
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await gql('{ organizations(after: "bm9wZQ") { totalCount } }');
    expect(forged.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('filters agreements by party country and date in force', async () => {
    const { body } = await gql('{ agreements(country: "JP", activeOn: "2025-06-01") { edges { node { id status parties { id } } } } }');
    expect(body.data.agreements.edges.map((e: any) => e.node.id)).toEqual(['agr-us-jp-2025']);
  });

  it('resolves entities by key through _entities, null for unknown keys', async () => {
    const { body } = await gql(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Country { code name } ... on Organization { id acronym } ... on Engagement { id agreement { id } } } }`,
      { r: [{ __typename: 'Country', code: 'DE' }, { __typename: 'Organization', id: 'de-cert-bund' }, { __typename: 'Organization', id: 'nope' }, { __typename: 'Engagement', id: 'eng-05' }] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { code: 'DE', name: 'Germany' },
      { id: 'de-cert-bund', acronym: 'CERT-Bund' },
      null,
      { id: 'eng-05', agreement: { id: 'agr-us-de-2022' } },
    ]);
  });

  it('batches references: one SQL statement per loader, whatever the number of keys', async () => {
    const representations = ['NL', 'DE', 'FR', 'JP', 'KR', 'AU', 'SG', 'PL'].map((code) => ({ __typename: 'Country', code }));
    const before = subgraph.database.stats.statements;
    const { body } = await gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { code organizations { id country { code } } } } }', { r: representations });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toHaveLength(8);
    // countries, organizations by country; organization.country hits the loader cache or batches once more
    expect(subgraph.database.stats.statements - before).toBeLessThanOrEqual(3);
  });

  it('seeds idempotently', async () => {
    await stateMain.seed(subgraph.database, { demo: true });
    const { body } = await gql('{ organizations(first: 0) { totalCount } countries(first: 0) { totalCount } }');
    expect(body.data.organizations.totalCount).toBe(42);
    expect(body.data.countries.totalCount).toBe(249);
  });
});
