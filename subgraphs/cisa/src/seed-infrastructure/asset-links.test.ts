import { describe, expect, it } from 'vitest';
import { demoAssetLinks, HUB_ASSET } from './data/asset-links';
import { buildDemoInfrastructure, demoAssetLinkRows } from './demo';

const demo = buildDemoInfrastructure();

describe('demo asset links', () => {
  it('join known, distinct assets, once per pair, with a rationale', () => {
    const assets = new Map(demo.assets.map((a) => [a.id, a]));
    expect(demo.assetLinks).toEqual(demoAssetLinkRows());
    expect(demo.assetLinks.length).toBeGreaterThanOrEqual(20);
    for (const link of demo.assetLinks) {
      expect(assets.has(link.assetId)).toBe(true);
      expect(assets.has(link.dependsOnAssetId)).toBe(true);
      expect(link.assetId).not.toBe(link.dependsOnAssetId);
      expect(link.rationale!.length).toBeGreaterThan(20);
    }
    expect(new Set(demo.assetLinks.map((l) => `${l.assetId} ${l.dependsOnAssetId}`)).size).toBe(demo.assetLinks.length);
    expect(demo.assetLinks.slice(0, 2).map((l) => l.id)).toEqual(['link-01', 'link-02']);
    // Chains cross borders.
    const country = (id: string) => assets.get(id)!.countryCode;
    expect(demo.assetLinks.filter((l) => country(l.assetId) !== country(l.dependsOnAssetId)).length).toBeGreaterThanOrEqual(5);
  });

  it('have a hub at least six assets lean on, and a cycle', () => {
    const active = demoAssetLinks.filter(([, , , , , status]) => status !== 'RETIRED');
    expect(active.filter(([, supplier]) => supplier === HUB_ASSET).length).toBeGreaterThanOrEqual(6);
    const dependents = (id: string) => active.filter(([, supplier]) => supplier === id).map(([dependent]) => dependent);
    // Balti substation -> Püssi -> Harku -> Balti: each is hit when the one before it fails.
    expect(dependents('asset-ee-tallinn-substation')).toContain('asset-ee-puessi-converter');
    expect(dependents('asset-ee-puessi-converter')).toContain('asset-ee-harku-converter');
    expect(dependents('asset-ee-harku-converter')).toContain('asset-ee-tallinn-substation');
  });
});
