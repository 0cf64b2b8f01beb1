import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { demoAssetLinks, HUB_ASSET } from '../seed-infrastructure/data/asset-links';
import { buildDemoInfrastructure } from '../seed-infrastructure/demo';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const active = demoAssetLinks.filter(([, , , , , status]) => status !== 'RETIRED');
const links = `totalCount edges { node { id kind coupling status rationale version
  asset { id name } dependsOn { id name } } }`;

/** Runs an operation that must answer without errors; its data and the SQL statements it cost. */
const measured = (query: string, variables?: Record<string, unknown>) => subgraph.measured(query, variables);

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('links between assets', () => {
  it('lists the dependents of the hub, tight first, then by dependent name', async () => {
    const { data } = await measured(`{ asset(id: "${HUB_ASSET}") { dependents(first: 50) { ${links} } } }`);
    const edges = data.asset.dependents.edges.map((e: any) => e.node);
    const expected = active.filter(([, supplier]) => supplier === HUB_ASSET);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(data.asset.dependents.totalCount).toBe(expected.length);
    expect(edges.map((l: any) => l.asset.id).sort()).toEqual(expected.map(([dependent]) => dependent).sort());
    expect(edges.every((l: any) => l.dependsOn.id === HUB_ASSET && l.status === 'ACTIVE' && l.version === 1)).toBe(true);
    const order = (l: any) => [l.coupling === 'TIGHT' ? 0 : 1, l.asset.name] as const;
    const sorted = [...edges].sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
    });
    expect(edges).toEqual(sorted);
    expect(edges[0].coupling).toBe('TIGHT');
    expect(edges.at(-1).coupling).toBe('LOOSE');
  });

  it('lists what an asset depends on, and leaves retired links out', async () => {
    const { data } = await measured(`{
      ostend: asset(id: "asset-de-frankfurt-ostend") { dependsOn { ${links} } }
      widemouth: asset(id: "asset-gb-widemouth-landing") { dependsOn { totalCount edges { node { id } } } }
      bude: asset(id: "asset-gb-bude-landing") { dependents { totalCount } } }`);
    // Both TIGHT, so by supplier name: Frankfurt Kleyerstrasse Exchange, then Rhein-Main 380 kV Substation.
    expect(data.ostend.dependsOn.edges.map((e: any) => e.node.dependsOn.id)).toEqual([
      'asset-de-frankfurt-kleyer',
      'asset-de-rhein-main-substation',
    ]);
    expect(data.ostend.dependsOn.edges[0].node).toMatchObject({
      kind: 'CYBER',
      coupling: 'TIGHT',
      asset: { id: 'asset-de-frankfurt-ostend' },
      rationale: expect.stringContaining('Kleyerstrasse'),
    });
    expect(data.widemouth.dependsOn).toEqual({ totalCount: 0, edges: [] });
    expect(data.bude.dependents.totalCount).toBe(0);
  });

  it('pages with first and after', async () => {
    const first = await measured(`{ asset(id: "${HUB_ASSET}") { dependents(first: 3) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }`);
    const page = first.data.asset.dependents;
    expect(page.edges).toHaveLength(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await measured(`query($after: String) { asset(id: "${HUB_ASSET}") { dependents(first: 50, after: $after) { edges { node { id } } } } }`, {
      after: page.pageInfo.endCursor,
    });
    const all = await measured(`{ asset(id: "${HUB_ASSET}") { dependents(first: 50) { edges { node { id } } } } }`);
    const ids = (c: any) => c.edges.map((e: any) => e.node.id);
    expect([...ids(page), ...ids(next.data.asset.dependents)]).toEqual(ids(all.data.asset.dependents));
  });

  it('costs no more statements for a nested list however many assets carry it', async () => {
    const nested = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Asset { id
      dependsOn(first: 5) { totalCount edges { node { id asset { id } dependsOn { id name } } } }
      dependents(first: 5) { totalCount edges { node { id asset { id } dependsOn { id } } } } } } }`;
    const representations = (assetIds: string[]) => ({ r: assetIds.map((id) => ({ __typename: 'Asset', id })) });
    const few = await measured(nested, representations([HUB_ASSET, 'asset-de-frankfurt-ostend']));
    const all = buildDemoInfrastructure().assets.map((a) => a.id);
    const many = await measured(nested, representations(all));
    const withLinks = many.data._entities.filter((a: any) => a.dependsOn.totalCount + a.dependents.totalCount > 0);
    expect(withLinks.length).toBeGreaterThan(30);
    // The assets, two pages, two counts, and the assets the links lead to: one statement each at
    // most, fewer when a batch finds everything already loaded.
    expect(few.statements).toBeLessThanOrEqual(7);
    expect(many.statements).toBeLessThanOrEqual(few.statements);
  });
});
