// Cascading impact through the gateway, as an analyst asks it, and who may ask: real HTTP
// requests with real tokens, over all four subgraphs on the demo seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { HUB_ASSET } from '../subgraphs/cisa/src/seed-infrastructure/data/asset-links';
import { startHub, type Hub } from './hub';

const analyst = personas['cisa-analyst'];

const IMPACT = /* GraphQL */ `
  query Impact($id: ID!, $depth: Int) {
    impact(assetId: $id, maxDepth: $depth) {
      truncated
      asset { id name country { name } }
      affectedAssets { depth allTight asset { id name operator { name } } path { id } }
      functions { dependencyCount highestCriticality function { code name } path { id } }
      sectors { dependencyCount sector { code name } path { id } }
      countries { assetCount country { code name } }
    }
  }
`;

let hub: Hub;
/** Every active link of the demo seed as `dependent<-supplier`, read through the graph. */
let links: Set<string>;

beforeAll(async () => {
  hub = await startHub();
  const { body } = await hub.as(analyst, '{ assets(first: 100) { edges { node { id dependsOn(first: 50) { edges { node { coupling dependsOn { id } } } } } } } }');
  expect(body.errors).toBeUndefined();
  links = new Set(
    body.data.assets.edges.flatMap((e: any) => e.node.dependsOn.edges.map((l: any) => `${e.node.id}<-${l.node.dependsOn.id}`)),
  );
});
afterAll(() => hub?.close());

describe('impact, asked through the gateway', () => {
  it("answers what fails with the hub, with paths that exist link by link, and other agencies' names", async () => {
    const { status, body } = await hub.as(analyst, IMPACT, { id: HUB_ASSET, depth: 4 });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const impact = body.data.impact;
    expect(impact.asset.id).toBe(HUB_ASSET);
    expect(impact.asset.country.name).toBe('Egypt'); // state, through cisa's stub
    expect(impact.affectedAssets.length).toBeGreaterThanOrEqual(8);
    const seen = new Set<string>();
    for (const hit of impact.affectedAssets) {
      expect(seen.has(hit.asset.id)).toBe(false);
      seen.add(hit.asset.id);
      const path = hit.path.map((a: any) => a.id);
      expect(path[0]).toBe(HUB_ASSET);
      expect(path.at(-1)).toBe(hit.asset.id);
      expect(path).toHaveLength(hit.depth + 1);
      expect(new Set(path).size).toBe(path.length);
      for (let i = 1; i < path.length; i++) expect(links).toContain(`${path[i]}<-${path[i - 1]}`);
    }
    // Tight-only paths first.
    const firstLoose = impact.affectedAssets.findIndex((a: any) => !a.allTight);
    if (firstLoose >= 0) expect(impact.affectedAssets.slice(firstLoose).every((a: any) => !a.allTight)).toBe(true);
    // Sectors and functions hit carry DHS's and CISA's names, and paths from the failing asset.
    expect(impact.sectors.length).toBeGreaterThan(0);
    expect(impact.sectors.every((s: any) => s.sector.name && s.path[0].id === HUB_ASSET)).toBe(true);
    expect(impact.functions.every((f: any) => f.function.name && f.dependencyCount >= 1)).toBe(true);
    expect(impact.countries.map((c: any) => c.country.code)).toContain('EG');
  });

  it('ends on a cycle and bounds the depth', async () => {
    // The demo's Estonian grid is a cycle: every asset on it is listed once, at most maxDepth away.
    const { body } = await hub.as(analyst, IMPACT, { id: 'asset-ee-tallinn-substation', depth: 6 });
    expect(body.errors).toBeUndefined();
    const ids = body.data.impact.affectedAssets.map((a: any) => a.asset.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('asset-ee-tallinn-substation');
    const shallow = await hub.as(analyst, IMPACT, { id: HUB_ASSET, depth: 1 });
    expect(shallow.body.data.impact.affectedAssets.every((a: any) => a.depth === 1)).toBe(true);
  });

  it('refuses a bad depth and an unknown asset with codes', async () => {
    const deep = await hub.as(analyst, IMPACT, { id: HUB_ASSET, depth: 50 });
    expect(deep.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await hub.as(analyst, IMPACT, { id: 'asset-nowhere' });
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('who may ask', () => {
  const refused = [
    ['a partner', personas['partner-nl'], 'FORBIDDEN'],
    ['US government without dependencies:read', personas['state-officer'], 'FORBIDDEN'],
    ['anonymous', personas.anonymous, 'UNAUTHENTICATED'],
  ] as const;

  it.each(refused)('%s gets no impact, and no links through any other path', async (_who, principal, code) => {
    const impact = await hub.as(principal, IMPACT, { id: HUB_ASSET });
    expect(impact.body.data).toBeNull();
    expect(impact.body.errors[0].extensions.code).toBe(code);
    expect(JSON.stringify(impact.body)).not.toContain('asset-eg-port-said-landing');

    // Through State's Organization and Country entities into CISA (`_entities`), and through the
    // public KEV catalog: never an asset, never a link.
    const around = await hub.as(
      principal,
      `{ country(code: "EG") { code assets(first: 5) { edges { node { id dependents(first: 5) { edges { node { asset { id } } } } } } } }
         organizations(first: 50) { edges { node { id operatedAssets { id dependsOn(first: 5) { totalCount } } } } }
         vulnerabilities(first: 20) { edges { node { cveId affectedAssets { id dependents(first: 5) { totalCount } } } } } }`,
    );
    const text = JSON.stringify(around.body.data ?? {});
    expect(text).not.toMatch(/"asset-[a-z]{2}-/);
    expect(text).not.toContain('totalCount');
    expect(around.body.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it('a DHS coordinator with dependencies:read may ask', async () => {
    const { body } = await hub.as(personas['dhs-coordinator'], IMPACT, { id: HUB_ASSET, depth: 2 });
    expect(body.errors).toBeUndefined();
    expect(body.data.impact.affectedAssets.length).toBeGreaterThan(0);
  });
});
