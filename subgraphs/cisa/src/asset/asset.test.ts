import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { seedInfrastructure } from '../seed-infrastructure';
import { DEMO_OPERATORS } from '../seed-infrastructure/data/demo-story';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);
const entities = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ...on Asset { id name }
  ...on Country { code assets(first: 3) { totalCount edges { node { id name sectors { code } } } } }
  ...on Organization { id operatedAssets { id operator { id } country { code } } } } }`;

/** Runs an operation that must answer without errors; its data and the SQL statements it cost. */
const measured = (query: string, variables?: Record<string, unknown>) => subgraph.measured(query, variables);

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('assets', () => {
  it('resolves an asset with its country, operator and sectors as stubs', async () => {
    const { body } = await gql(`{ asset(id: "asset-nl-rotterdam-maasvlakte") {
      id name kind latitude longitude technologies version description country { code } operator { id } sectors { code } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.asset).toMatchObject({
      id: 'asset-nl-rotterdam-maasvlakte',
      name: 'Maasvlakte II Deepsea Container Terminal',
      kind: 'PORT',
      latitude: 51.956,
      longitude: 4.012,
      technologies: ['Cisco IOS XE', 'VMware ESXi', 'SAP NetWeaver'],
      version: 1,
      country: { code: 'NL' },
      operator: { id: 'nl-maasvlakte-terminals' },
    });
    expect(body.data.asset.sectors.map((s: any) => s.code)).toEqual(
      ['CHEMICAL', 'CRITICAL_MANUFACTURING', 'FOOD_AND_AGRICULTURE', 'TRANSPORTATION_SYSTEMS'],
    );
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const { body } = await gql('{ asset(id: "asset-xx-nowhere") { name } }');
    expect(body.data.asset).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Asset' });
  });

  it('lists assets by name, filtered by country (any case), kind, operator and sector', async () => {
    const all = await gql('{ assets(first: 100) { totalCount edges { node { name } } } }');
    const names = all.body.data.assets.edges.map((e: any) => e.node.name);
    expect(all.body.data.assets.totalCount).toBeGreaterThanOrEqual(64);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));

    const { body } = await gql(`{
      nl: assets(country: "nl", first: 100) { totalCount edges { node { country { code } } } }
      fabs: assets(kind: SEMICONDUCTOR_FAB) { totalCount edges { node { kind } } }
      operated: assets(operator: "sg-straits-dc") { edges { node { id operator { id } } } }
      energy: assets(sector: "ENERGY", country: "EE") { edges { node { id sectors { code } } } }
      none: assets(country: "US") { totalCount edges { node { id } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.nl.totalCount).toBe(9);
    expect(body.data.nl.edges.every((e: any) => e.node.country.code === 'NL')).toBe(true);
    expect(body.data.fabs.totalCount).toBe(6);
    expect(body.data.fabs.edges.every((e: any) => e.node.kind === 'SEMICONDUCTOR_FAB')).toBe(true);
    expect(body.data.operated.edges).toHaveLength(4);
    expect(body.data.operated.edges.every((e: any) => e.node.operator.id === 'sg-straits-dc')).toBe(true);
    expect(ids(body.data.energy).sort()).toEqual([
      'asset-ee-harku-converter',
      'asset-ee-paldiski-landfall',
      'asset-ee-puessi-converter',
      'asset-ee-tallinn-substation',
    ]);
    const servesEnergy = (e: any) => e.node.sectors.some((s: any) => s.code === 'ENERGY');
    expect(body.data.energy.edges.every(servesEnergy)).toBe(true);
    expect(body.data.none).toEqual({ totalCount: 0, edges: [] });
  });

  it('pages with cursors, without overlap, and refuses pages over 100', async () => {
    const query = `query($after: String) { assets(first: 30, after: $after) {
      edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { body } = await gql(query, { after });
      const page = body.data.assets;
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...ids(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(68);

    const big = await gql('{ assets(first: 101) { totalCount } }');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('lists the active dependencies on an asset, highest risk first', async () => {
    const { body } = await gql(`{ asset(id: "asset-tw-hsinchu-fab-a") {
        dependencies(first: 2) { totalCount edges { node { riskScore asset { id } } } pageInfo { hasNextPage } } }
      retired: dependencies(asset: "asset-tw-hsinchu-fab-a", status: RETIRED) { totalCount } }`);
    const page = body.data.asset.dependencies;
    // four dependencies on the fab, one of them retired
    expect(body.data.retired.totalCount).toBe(1);
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.map((e: any) => e.node.asset.id)).toEqual(['asset-tw-hsinchu-fab-a', 'asset-tw-hsinchu-fab-a']);
    expect(page.edges[0].node.riskScore).toBeGreaterThanOrEqual(page.edges[1].node.riskScore);
  });
});

describe('assets through _entities', () => {
  it('resolves Asset, Country and Organization representations; unknown assets are null', async () => {
    const { body } = await gql(entities, {
      r: [
        { __typename: 'Asset', id: 'asset-eg-zafarana-landing' },
        { __typename: 'Asset', id: 'asset-nope' },
        { __typename: 'Country', code: 'EG' },
        { __typename: 'Organization', id: 'eg-red-sea-landing' },
        { __typename: 'Organization', id: 'eg-egcert' },
      ],
    });
    expect(body.errors).toBeUndefined();
    const [asset, missing, country, operator, csirt] = body.data._entities;
    expect(asset).toEqual({
      __typename: 'Asset',
      id: 'asset-eg-zafarana-landing',
      name: 'Zafarana Cable Landing Station',
    });
    expect(missing).toBeNull();
    expect(country.assets.totalCount).toBe(4);
    expect(country.assets.edges.map((e: any) => e.node.name)).toEqual([
      'Port Said Mediterranean Landing',
      'Ras Ghareb Cable Landing Station',
      'Suez Terrestrial Crossing',
    ]);
    expect(operator.operatedAssets).toHaveLength(4);
    expect(operator.operatedAssets[0]).toEqual({
      id: 'asset-eg-port-said-landing',
      operator: { id: 'eg-red-sea-landing' },
      country: { code: 'EG' },
    });
    expect(csirt.operatedAssets).toEqual([]);
  });

  it('batches Country.assets and their sectors: the same statements for 2 countries as for 10', async () => {
    const reps = (codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'Country', code })) });
    const two = await measured(entities, reps(['NL', 'DE']));
    const ten = await measured(entities, reps(['NL', 'DE', 'GB', 'FR', 'PL', 'EE', 'UA', 'NO', 'JP', 'KR']));
    expect(ten.data._entities.every((c: any) => c.assets.edges.length === 3)).toBe(true);
    // assets by country (one statement), their totals (asked for), sectors of all listed assets
    expect(two.statements).toBe(3);
    expect(ten.statements).toBe(3);
  });

  it('batches Organization.operatedAssets into one statement for every operator', async () => {
    const operators = Object.values(DEMO_OPERATORS).flat();
    expect(operators).toHaveLength(17);
    const { data, statements } = await measured(entities, {
      r: operators.map((id) => ({ __typename: 'Organization', id })),
    });
    expect(data._entities.every((o: any) => o.operatedAssets.length > 0)).toBe(true);
    expect(statements).toBe(1);
  });
});

describe('infrastructure seed', () => {
  it('returns its counts and changes nothing when run again', async () => {
    const counts = await seedInfrastructure(subgraph.database, { demo: true });
    expect(counts).toEqual({ functions: 55, assets: 68, dependencies: 205, assetLinks: 30 });
    const { body } = await gql(`{ assets(first: 0) { totalCount } dependencies(first: 0) { totalCount }
      nationalCriticalFunctions(first: 0) { totalCount } }`);
    expect(body.data).toEqual({
      assets: { totalCount: 68 },
      dependencies: { totalCount: 195 },
      nationalCriticalFunctions: { totalCount: 55 },
    });
  });
});
