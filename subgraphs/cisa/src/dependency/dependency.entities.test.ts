import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);
const isSorted = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1] >= v);

/** Runs an operation that must answer without errors; its data and the SQL statements it cost. */
const measured = (query: string, variables?: Record<string, unknown>) => subgraph.measured(query, variables);

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('dependencies through _entities', () => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename
    ...on Dependency { id criticality asset { id } }
    ...on Country { code dependencies(first: 5) {
      totalCount edges { cursor node { id riskScore asset { name } function { name } } } pageInfo { hasNextPage endCursor } } }
    ...on Sector { code dependencies(first: 3, minCriticality: 4, orderBy: CRITICALITY_DESC) {
      totalCount edges { node { criticality sector { code } } } } } } }`;
  const countries = (codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'Country', code })) });

  it('resolves Dependency, Country and Sector representations; unknown dependencies are null', async () => {
    const { body } = await gql(query, {
      r: [
        { __typename: 'Dependency', id: 'dep-002' },
        { __typename: 'Dependency', id: 'dep-nope' },
        { __typename: 'Country', code: 'NL' },
        { __typename: 'Country', code: 'US' },
        { __typename: 'Sector', code: 'COMMUNICATIONS' },
      ],
    });
    expect(body.errors).toBeUndefined();
    const [dependency, missing, nl, us, sector] = body.data._entities;
    expect(dependency).toEqual({
      __typename: 'Dependency',
      id: 'dep-002',
      criticality: 5,
      asset: { id: 'asset-nl-rotterdam-maasvlakte' },
    });
    expect(missing).toBeNull();
    expect(nl.dependencies.totalCount).toBeGreaterThanOrEqual(20);
    expect(nl.dependencies.edges).toHaveLength(5);
    expect(isSorted(nl.dependencies.edges.map((e: any) => e.node.riskScore))).toBe(true);
    expect(us.dependencies).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const inFilter = (e: any) => e.node.criticality >= 4 && e.node.sector.code === 'COMMUNICATIONS';
    expect(sector.dependencies.edges.every(inFilter)).toBe(true);
    expect(isSorted(sector.dependencies.edges.map((e: any) => e.node.criticality))).toBe(true);
  });

  it('matches the root list when paging a country nested', async () => {
    const root = await gql('{ dependencies(country: "DE", first: 10) { edges { node { id } } } }');
    const first = await gql(query, countries(['DE', 'FR']));
    const de = first.body.data._entities[0].dependencies;
    const next = await gql(
      `query($r: [_Any!]!, $after: String) { _entities(representations: $r) {
        ...on Country { dependencies(first: 5, after: $after) { edges { node { id } } pageInfo { hasPreviousPage } } } } }`,
      { ...countries(['DE', 'FR']), after: de.pageInfo.endCursor },
    );
    const pageTwo = next.body.data._entities[0].dependencies;
    expect(pageTwo.pageInfo.hasPreviousPage).toBe(true);
    expect([...nodes(de), ...nodes(pageTwo)].map((d) => d.id)).toEqual(nodes(root.body.data.dependencies).map((d) => d.id));
  });

  it('batches nested dependencies with their assets and functions: the same statements for 2 countries as for 10', async () => {
    const two = await measured(query, countries(['NL', 'DE']));
    const ten = await measured(query, countries(['NL', 'DE', 'GB', 'FR', 'PL', 'EE', 'UA', 'NO', 'JP', 'KR']));
    expect(ten.data._entities.every((c: any) => c.dependencies.edges.length === 5)).toBe(true);
    // dependencies by country (one statement), their totals (asked for), their assets, their functions
    expect(two.statements).toBe(4);
    expect(ten.statements).toBe(4);
  });

  it('batches Sector.dependencies across sectors and Dependency references across ids', async () => {
    const sectors = ['ENERGY', 'COMMUNICATIONS', 'FINANCIAL_SERVICES', 'INFORMATION_TECHNOLOGY', 'CHEMICAL'];
    const bySector = await measured(query, { r: sectors.map((code) => ({ __typename: 'Sector', code })) });
    expect(bySector.data._entities.every((s: any) => s.dependencies.edges.length > 0)).toBe(true);
    expect(bySector.statements).toBe(2); // the pages and their totals (asked for)

    const ids = Array.from({ length: 30 }, (_, i) => `dep-${String(i + 1).padStart(3, '0')}`);
    const byId = await measured(query, { r: ids.map((id) => ({ __typename: 'Dependency', id })) });
    expect(byId.data._entities.map((d: any) => d.id)).toEqual(ids);
    // dependencies by id, then their assets
    expect(byId.statements).toBe(2);
  });
});
