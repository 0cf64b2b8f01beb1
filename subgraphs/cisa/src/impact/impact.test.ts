import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { eq } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetLinks, assets, dependencies, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { HUB_ASSET } from '../seed-infrastructure/data/asset-links';
import { personas } from '../test-personas';
import { MAX_AFFECTED_ASSETS } from './impact.query';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const IMPACT = `query($id: ID!, $depth: Int) { impact(assetId: $id, maxDepth: $depth) {
  asset { id } maxDepth truncated
  affectedAssets { asset { id name } depth allTight path { id } }
  functions { function { code } dependencyCount highestCriticality path { id } }
  sectors { sector { code } dependencyCount highestCriticality path { id } }
  countries { country { code } assetCount } } }`;

/** Runs `impact` and returns it and the number of SQL statements it cost. */
async function impact(id: string, depth?: number) {
  const before = subgraph.database.stats.statements;
  const { body } = await gql(IMPACT, { id, depth });
  expect(body.errors).toBeUndefined();
  return { impact: body.data.impact, statements: subgraph.database.stats.statements - before };
}

/**
 * The expectation, computed apart from the SQL under test: a breadth-first walk over the active
 * links, once along tight links only and once along all, from the failing asset to its dependents.
 */
async function expected(source: string, maxDepth: number) {
  const db = subgraph.database.db;
  const links = await db.select().from(assetLinks).where(eq(assetLinks.status, 'ACTIVE'));
  const shortest = (tightOnly: boolean) => {
    const depth = new Map<string, number>([[source, 0]]);
    let frontier = [source];
    for (let d = 1; d <= maxDepth; d++) {
      const next = links
        .filter((l) => frontier.includes(l.dependsOnAssetId) && (!tightOnly || l.coupling === 'TIGHT'))
        .map((l) => l.assetId)
        .filter((id) => !depth.has(id));
      for (const id of next) depth.set(id, d);
      frontier = [...new Set(next)];
    }
    depth.delete(source);
    return depth;
  };
  const [tight, any] = [shortest(true), shortest(false)];
  const rows = new Map((await db.select().from(assets)).map((a) => [a.id, a]));
  const hit = [...any.keys()]
    .map((id) => ({ id, allTight: tight.has(id), depth: tight.get(id) ?? any.get(id)!, name: rows.get(id)!.name }))
    .sort((a, b) => Number(b.allTight) - Number(a.allTight) || a.depth - b.depth || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ids = [source, ...hit.map((h) => h.id)];
  const deps = (await db.select().from(dependencies).where(eq(dependencies.status, 'ACTIVE'))).filter((d) => ids.includes(d.assetId));
  const group = (key: (d: (typeof deps)[number]) => string | null) => {
    const groups = new Map<string, { count: number; highest: number; firstAsset: string }>();
    for (const d of [...deps].sort((a, b) => ids.indexOf(a.assetId) - ids.indexOf(b.assetId))) {
      const k = key(d);
      if (k === null) continue;
      const g = groups.get(k) ?? { count: 0, highest: 0, firstAsset: d.assetId };
      groups.set(k, { count: g.count + 1, highest: Math.max(g.highest, d.criticality), firstAsset: g.firstAsset });
    }
    return groups;
  };
  const countries = new Map<string, number>();
  for (const id of ids) countries.set(rows.get(id)!.countryCode, (countries.get(rows.get(id)!.countryCode) ?? 0) + 1);
  return { hit, links, functions: group((d) => d.functionCode), sectors: group((d) => d.sectorCode), countries };
}

/** Checks a path link by link against the active links; returns whether all of them are tight. */
function walkPath(path: string[], links: (typeof assetLinks.$inferSelect)[]) {
  expect(new Set(path).size).toBe(path.length);
  return path.slice(1).every((id, i) => {
    const link = links.find((l) => l.dependsOnAssetId === path[i] && l.assetId === id);
    expect(link, `${path[i]} -> ${id}`).toBeDefined();
    return link!.coupling === 'TIGHT';
  });
}

/** Compares a whole impact answer with the independent expectation. */
async function expectImpact(source: string, maxDepth: number) {
  const { impact: got, statements } = await impact(source, maxDepth);
  const want = await expected(source, maxDepth);
  expect(got.asset.id).toBe(source);
  expect(got.maxDepth).toBe(maxDepth);
  expect(got.truncated).toBe(false);
  expect(got.affectedAssets.map((a: any) => [a.asset.id, a.depth, a.allTight])).toEqual(want.hit.map((h) => [h.id, h.depth, h.allTight]));
  for (const a of got.affectedAssets) {
    const path = a.path.map((p: any) => p.id);
    expect(path[0]).toBe(source);
    expect(path.at(-1)).toBe(a.asset.id);
    expect(path).toHaveLength(a.depth + 1);
    // Tight links only exactly when the asset is reached that way at all within maxDepth.
    expect(walkPath(path, want.links)).toBe(a.allTight);
  }
  const check = (list: any[], groups: Map<string, { count: number; highest: number; firstAsset: string }>, key: string) => {
    expect(list.map((f) => f[key].code).sort()).toEqual([...groups.keys()].sort());
    for (const f of list) {
      const g = groups.get(f[key].code)!;
      expect([f.dependencyCount, f.highestCriticality]).toEqual([g.count, g.highest]);
      const path = f.path.map((p: any) => p.id);
      expect(path.at(-1)).toBe(g.firstAsset);
      walkPath(path, want.links);
    }
    const order = list.map((f) => [-f.highestCriticality, f[key].code]);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
  };
  check(got.functions, want.functions, 'function');
  check(got.sectors, want.sectors, 'sector');
  expect(got.countries.map((c: any) => [c.country.code, c.assetCount])).toEqual([...want.countries].sort());
  return { impact: got, statements };
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('impact', () => {
  it('follows the hub to every asset that leans on it, tight-only paths first', async () => {
    const { impact: got } = await expectImpact(HUB_ASSET, 3);
    const byId = new Map(got.affectedAssets.map((a: any) => [a.asset.id, a]));
    expect(byId.size).toBe(11);
    // Reached directly by a loose link, but by three tight ones through Marseille: the tight way wins.
    expect(byId.get('asset-fr-marseille-exchange')).toMatchObject({
      depth: 3,
      allTight: true,
      path: ['asset-eg-suez-crossing', 'asset-fr-marseille-landing', 'asset-fr-marseille-datacentre', 'asset-fr-marseille-exchange'].map((id) => ({ id })),
    });
    expect(byId.get('asset-sg-loyang-campus')).toMatchObject({ depth: 2, allTight: false });
    expect(got.countries.map((c: any) => c.country.code)).toEqual(['EG', 'FR', 'GB', 'SG']);
    expect(got.functions.length).toBeGreaterThan(0);
  });

  it('bounds the depth: within two links the Marseille exchange is only reached by its loose link', async () => {
    const { impact: got } = await expectImpact(HUB_ASSET, 2);
    expect(got.affectedAssets.every((a: any) => a.depth <= 2)).toBe(true);
    expect(got.affectedAssets.find((a: any) => a.asset.id === 'asset-fr-marseille-exchange')).toMatchObject({ depth: 1, allTight: false });
    const shallow = await expectImpact(HUB_ASSET, 1);
    expect(shallow.impact.affectedAssets).toHaveLength(8);
  });

  it('ends on a cycle and lists every asset once', async () => {
    for (const source of ['asset-ee-tallinn-substation', 'asset-ee-harku-converter']) {
      const { impact: got } = await expectImpact(source, 6);
      const ids = got.affectedAssets.map((a: any) => a.asset.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).not.toContain(source);
      expect(ids.length).toBe(3);
    }
  });

  it('answers an asset nothing depends on with its own functions, sectors and country', async () => {
    const { impact: got } = await expectImpact('asset-nl-burgum-ground', 3);
    expect(got.affectedAssets).toEqual([]);
    expect(got.countries).toEqual([{ country: { code: 'NL' }, assetCount: 1 }]);
    expect(got.sectors.every((s: any) => s.path.length === 1)).toBe(true);
  });

  it('costs the same statements however many assets are hit', async () => {
    // The failing asset, the walk, the other assets of all paths, the functions: one each.
    const small = await impact('asset-de-rhein-main-substation', 1);
    const large = await impact(HUB_ASSET, 6);
    expect(small.impact.affectedAssets).toHaveLength(1);
    expect(large.impact.affectedAssets.length).toBeGreaterThan(10);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);
  });

  it('refuses an unknown asset and a depth outside 1-6', async () => {
    const unknown = (await gql(IMPACT, { id: 'asset-xx-nowhere' })).body;
    expect(unknown.data).toBeNull();
    expect(unknown.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Asset' });
    for (const depth of [0, 7, -1]) {
      const { body } = await gql(IMPACT, { id: HUB_ASSET, depth });
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it.each(['cisaNoScopes', 'partnerNl'] as const)('refuses %s without dependencies:read, with no asset data', async (name) => {
    const { body } = await subgraph.post(IMPACT, { id: HUB_ASSET }, personas[name]);
    expect(body.data).toBeNull();
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(body)).not.toContain('asset-');
  });

  // Last: it adds assets to this file's database.
  it(`keeps the first ${MAX_AFFECTED_ASSETS} assets hit and says it truncated`, async () => {
    const fan = Array.from({ length: MAX_AFFECTED_ASSETS + 10 }, (_, i) => `asset-zz-fan-${String(i).padStart(3, '0')}`);
    await subgraph.database.db.insert(assets).values(fan.map((id) => ({ id, name: id, kind: 'DATA_CENTER' as const, countryCode: 'NL' })));
    await subgraph.database.db.insert(assetLinks).values(
      fan.map((id, i) => ({ id: `link-zz-${i}`, assetId: id, dependsOnAssetId: 'asset-nl-burgum-ground', kind: 'CYBER' as const, coupling: i % 2 ? ('LOOSE' as const) : ('TIGHT' as const) })),
    );
    const { impact: got } = await impact('asset-nl-burgum-ground', 1);
    expect(got.truncated).toBe(true);
    expect(got.affectedAssets).toHaveLength(MAX_AFFECTED_ASSETS);
    // Every tight one (255 of 510) is kept, before the loose ones.
    expect(got.affectedAssets.filter((a: any) => a.allTight)).toHaveLength(255);
    expect(got.affectedAssets.findIndex((a: any) => !a.allTight)).toBe(255);
  });
});
