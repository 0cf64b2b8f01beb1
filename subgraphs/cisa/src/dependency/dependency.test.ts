import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { priorityOf } from '../risk/risk.factors';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);
const isSorted = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1] >= v);

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('dependencies', () => {
  it('resolves a dependency with its asset, function and stubs', async () => {
    const { body } = await gql(`{ dependency(id: "dep-001") { id kind coupling criticality substitutability riskScore
      priority status rationale version asset { id name } function { code name area } sector { code } country { code } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.dependency).toMatchObject({
      id: 'dep-001',
      kind: 'PHYSICAL',
      coupling: 'TIGHT',
      criticality: 5,
      substitutability: 'LOW',
      // docs/risk.md: 25 + 10.5 (LOW) + 10 (TIGHT) + 0 (no cascade) + 15 (KEV, ransomware) + 0 + 5 (maturity unknown)
      riskScore: 65.5,
      priority: 'HIGH',
      status: 'ACTIVE',
      version: 1,
      asset: { id: 'asset-nl-rotterdam-maasvlakte', name: 'Maasvlakte II Deepsea Container Terminal' },
      function: {
        code: 'TRANSPORT_CARGO_AND_PASSENGERS_BY_VESSEL',
        name: 'Transport Cargo and Passengers by Vessel',
        area: 'DISTRIBUTE',
      },
      sector: { code: 'TRANSPORTATION_SYSTEMS' },
      country: { code: 'NL' },
    });
    expect(body.data.dependency.rationale).toContain('Maasvlakte');
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const { body } = await gql('{ dependency(id: "dep-999") { id } }');
    expect(body.data.dependency).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Dependency' });
  });

  it('scores every dependency as the sum of its risk factors and derives its priority', async () => {
    const { body } = await gql('{ dependencies(first: 100) { edges { node { riskScore priority riskFactors { contribution } } } } }');
    for (const d of nodes(body.data.dependencies)) {
      const sum = d.riskFactors.reduce((total: number, f: { contribution: number }) => total + f.contribution, 0);
      expect(d.riskScore).toBeCloseTo(sum, 6);
      expect(d.priority).toBe(priorityOf(d.riskScore));
    }
  });

  it('lists active dependencies highest risk first by default, or by criticality', async () => {
    const { body } = await gql(`{
      byRisk: dependencies(first: 100) { totalCount edges { node { riskScore status } } }
      byCriticality: dependencies(first: 100, orderBy: CRITICALITY_DESC) { edges { node { criticality riskScore } } } }`);
    const byRisk = nodes(body.data.byRisk);
    expect(body.data.byRisk.totalCount).toBe(195);
    expect(byRisk.every((d) => d.status === 'ACTIVE')).toBe(true);
    expect(isSorted(byRisk.map((d) => d.riskScore))).toBe(true);
    const byCriticality = nodes(body.data.byCriticality);
    expect(isSorted(byCriticality.map((d) => d.criticality))).toBe(true);
    for (let i = 1; i < byCriticality.length; i++) {
      if (byCriticality[i].criticality === byCriticality[i - 1].criticality) {
        expect(byCriticality[i].riskScore).toBeLessThanOrEqual(byCriticality[i - 1].riskScore);
      }
    }
    expect(isSorted(byCriticality.map((d) => d.riskScore))).toBe(false);
  });

  it('filters by country, sector, function, asset, minimum criticality and status', async () => {
    const { body } = await gql(`{
      nl: dependencies(country: "nl", first: 100) { totalCount edges { node { country { code } } } }
      energy: dependencies(sector: "ENERGY", first: 100) { totalCount edges { node { sector { code } } } }
      core: dependencies(function: "OPERATE_CORE_NETWORK", first: 100) { totalCount edges { node { function { code } } } }
      onAsset: dependencies(asset: "asset-eg-zafarana-landing") { totalCount edges { node { asset { id } } } }
      severe: dependencies(minCriticality: 5, country: "TW", first: 100) { totalCount edges { node { criticality } } }
      retired: dependencies(status: RETIRED, first: 100) { totalCount edges { node { id status } } } }`);
    expect(body.errors).toBeUndefined();
    const { nl, energy, core, onAsset, severe, retired } = body.data;
    expect(nl.totalCount).toBeGreaterThanOrEqual(20);
    expect(nodes(nl).every((d) => d.country.code === 'NL')).toBe(true);
    expect(energy.totalCount).toBeGreaterThan(0);
    expect(nodes(energy).every((d) => d.sector.code === 'ENERGY')).toBe(true);
    expect(core.totalCount).toBeGreaterThan(0);
    expect(nodes(core).every((d) => d.function.code === 'OPERATE_CORE_NETWORK')).toBe(true);
    expect(onAsset.totalCount).toBe(4);
    expect(nodes(onAsset).every((d) => d.asset.id === 'asset-eg-zafarana-landing')).toBe(true);
    expect(severe.totalCount).toBeGreaterThan(0);
    expect(nodes(severe).every((d) => d.criticality === 5)).toBe(true);
    expect(retired.totalCount).toBe(10);
    const everyTwentieth = Array.from({ length: 10 }, (_, i) => `dep-${String((i + 1) * 20).padStart(3, '0')}`);
    expect(nodes(retired).map((d) => d.id).sort()).toEqual(everyTwentieth);
    expect(nodes(retired).every((d) => d.status === 'RETIRED')).toBe(true);
  });

  it('filters by substitutability, any of a list; an empty list filters nothing', async () => {
    const { body } = await gql(`{
      all: dependencies(first: 1) { totalCount }
      empty: dependencies(substitutability: [], first: 1) { totalCount }
      none: dependencies(substitutability: [NONE], first: 100) { totalCount edges { node { substitutability } } }
      low: dependencies(substitutability: [LOW], first: 1) { totalCount }
      noneOrLow: dependencies(substitutability: [NONE, LOW], first: 100) { totalCount edges { node { substitutability } } }
      fabs: dependencies(substitutability: [NONE], country: "TW", first: 100) { totalCount edges { node { asset { kind } } } } }`);
    expect(body.errors).toBeUndefined();
    const { all, empty, none, low, noneOrLow, fabs } = body.data;
    expect(empty.totalCount).toBe(all.totalCount);
    expect(none.totalCount).toBeGreaterThan(0);
    expect(nodes(none).every((d) => d.substitutability === 'NONE')).toBe(true);
    expect(noneOrLow.totalCount).toBe(none.totalCount + low.totalCount);
    expect(nodes(noneOrLow).every((d) => ['NONE', 'LOW'].includes(d.substitutability))).toBe(true);
    expect(fabs.totalCount).toBeGreaterThan(0);
    expect(nodes(fabs).every((d) => d.asset.kind === 'SEMICONDUCTOR_FAB')).toBe(true);
  });

  it('refuses a minimum criticality outside 1-5, naming the argument', async () => {
    for (const value of [0, 6]) {
      const { body } = await gql(`{ dependencies(minCriticality: ${value}) { totalCount } }`);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minCriticality' });
      expect(body.errors?.[0].message).toContain('minCriticality');
    }
    // Nested lists check their arguments too, before batching with other parents.
    const sector = (args: string) =>
      gql(`query($r: [_Any!]!) { _entities(representations: $r) { ...on Sector { dependencies(${args}) { totalCount } } } }`, {
        r: [{ __typename: 'Sector', code: 'ENERGY' }],
      });
    const low = await sector('minCriticality: 9');
    expect(low.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minCriticality' });
    const big = await sector('first: 101');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('pages with cursors, without overlap, in a stable order; refuses pages over 100', async () => {
    const query = `query($after: String) { dependencies(first: 50, after: $after, orderBy: CRITICALITY_DESC) {
      edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { body } = await gql(query, { after });
      const page = body.data.dependencies;
      expect(page.pageInfo.hasPreviousPage).toBe(seen.length > 0);
      seen.push(...nodes(page).map((d) => d.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(195);
    expect(new Set(seen).size).toBe(195);

    const big = await gql('{ dependencies(first: 101) { totalCount } }');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
