import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DhsSchema } from './db/schema';
import { dhsMain } from './main';

let subgraph: StartedSubgraph<DhsSchema>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(dhsMain);
});
afterAll(() => subgraph?.close());

/** Runs an operation and returns its data with the number of SQL statements it cost. */
async function counted(query: string, variables?: Record<string, unknown>) {
  const before = subgraph.database.stats.statements;
  const { body } = await subgraph.post(query, variables);
  expect(body.errors).toBeUndefined();
  return { data: body.data, statements: subgraph.database.stats.statements - before };
}

const PAGE = 'engagements(first: 3) { totalCount edges { node { title sectors { name } partnerOrganizations { id } } } }';
const entities = (fragment: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`;
const countries = ['NL', 'DE', 'GB', 'FR', 'EE', 'UA', 'JP', 'KR', 'AU', 'TW'];
const organizations = ['nl-ncsc', 'de-cert-bund', 'gb-ncsc', 'fr-cert-fr', 'ee-cert-ee', 'ua-cert-ua', 'jp-jpcert', 'kr-krcert', 'au-acsc', 'mb-enisa'];

describe('batching: statements per request do not grow with the number of parents', () => {
  it('Country.engagements: one page query, one sectors query, one partners query', async () => {
    const query = entities(`... on Country { code ${PAGE} }`);
    const two = await counted(query, { r: countries.slice(0, 2).map((code) => ({ __typename: 'Country', code })) });
    const ten = await counted(query, { r: countries.map((code) => ({ __typename: 'Country', code })) });
    expect(ten.data._entities).toHaveLength(10);
    expect(ten.data._entities[0].engagements).toMatchObject({ totalCount: 6 });
    expect(ten.data._entities[0].engagements.edges).toHaveLength(3);
    expect(two.statements).toBe(4); // the page, its totalCount (asked for), sectors, partners
    expect(ten.statements).toBe(two.statements);
  });

  it('Organization.engagements: the same through the partner link table', async () => {
    const query = entities(`... on Organization { id ${PAGE} }`);
    const two = await counted(query, { r: organizations.slice(0, 2).map((id) => ({ __typename: 'Organization', id })) });
    const ten = await counted(query, { r: organizations.map((id) => ({ __typename: 'Organization', id })) });
    expect(ten.data._entities.find((o: any) => o.id === 'ua-cert-ua').engagements.totalCount).toBe(3);
    expect(two.statements).toBe(4);
    expect(ten.statements).toBe(two.statements);
  });

  it('Sector.engagements: sectors by key, then the same three', async () => {
    const query = entities(`... on Sector { name ${PAGE} }`);
    const two = await counted(query, { r: ['ENERGY', 'DAMS'].map((code) => ({ __typename: 'Sector', code })) });
    const all = await counted('{ sectors { name ' + PAGE + ' } }');
    expect(all.data.sectors).toHaveLength(16);
    expect(two.statements).toBe(5);
    expect(all.statements).toBe(two.statements);
  });

  it('root engagements: one page query, one per reference kind, one count', async () => {
    const { data, statements } = await counted(`{ engagements(first: 30) { totalCount edges { node { id country { code } sectors { code } partnerOrganizations { id } } } } }`);
    expect(data.engagements.edges).toHaveLength(30);
    expect(statements).toBe(4);
  });

  it('Engagement references: one query for any number of ids', async () => {
    const r = ['eng-01', 'eng-05', 'eng-17', 'eng-26', 'eng-99'].map((id) => ({ __typename: 'Engagement', id }));
    const { data, statements } = await counted(entities('... on Engagement { id leadAgency }'), { r });
    expect(data._entities.map((e: any) => e?.id ?? null)).toEqual(['eng-01', 'eng-05', 'eng-17', 'eng-26', null]);
    expect(statements).toBe(1);
  });

  it('does not share a page between different arguments in one request', async () => {
    const { data, statements } = await counted(
      entities('... on Country { one: engagements(first: 1) { edges { node { id } } } two: engagements(first: 2) { edges { node { id } } } active: engagements(status: ACTIVE) { totalCount } }'),
      { r: [{ __typename: 'Country', code: 'NL' }, { __typename: 'Country', code: 'DE' }] },
    );
    const [nl, de] = data._entities;
    expect(nl.one.edges.map((e: any) => e.node.id)).toEqual(['eng-27']);
    expect(nl.two.edges.map((e: any) => e.node.id)).toEqual(['eng-27', 'eng-28']);
    expect(nl.active.totalCount).toBe(2);
    expect(de.active.totalCount).toBe(1);
    expect(statements).toBe(4); // three pages and the one count asked for
  });

  it('keeps the total on a page past the end of a link-table connection', async () => {
    const query = 'query($after: String) { _entities(representations: [{ __typename: "Organization", id: "nl-ncsc" }]) { ... on Organization { engagements(first: 5, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } } }';
    const pages = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const { data } = await counted(query, { after });
      const page = data._entities[0].engagements;
      pages.push({ n: page.edges.length, total: page.totalCount, next: page.pageInfo.hasNextPage });
      after = page.pageInfo.endCursor ?? after;
    }
    expect(pages).toEqual([
      { n: 5, total: 6, next: true },
      { n: 1, total: 6, next: false },
      { n: 0, total: 6, next: false },
    ]);
  });
});
