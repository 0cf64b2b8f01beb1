import { describe, expect, it } from 'vitest';
import { provisionalRisk } from '../risk/risk.factors';
import { DEMO_COUNTRIES, DEMO_OPERATORS, SECTOR_CODES } from './data/demo-story';
import { buildDemoInfrastructure } from './demo';
import { nationalCriticalFunctionRows } from './index';

const demo = buildDemoInfrastructure();
const countOf = <T>(items: T[], key: (item: T) => string) =>
  items.reduce((counts, item) => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1), new Map<string, number>());

describe('national critical function data', () => {
  const rows = nationalCriticalFunctionRows();

  it('holds the 55 functions, 9/9/24/13 by area, with unique codes', () => {
    expect(rows).toHaveLength(55);
    const byArea = Object.fromEntries(countOf(rows, (row) => row.area));
    expect(byArea).toEqual({ CONNECT: 9, DISTRIBUTE: 9, MANAGE: 24, SUPPLY: 13 });
    expect(new Set(rows.map((row) => row.code)).size).toBe(55);
  });
});

describe('demo infrastructure', () => {
  it('is deterministic', () => {
    expect(buildDemoInfrastructure()).toEqual(demo);
  });

  it('has at least 64 assets across the 15 demo countries, each operated by one of its operators or none', () => {
    expect(demo.assets.length).toBeGreaterThanOrEqual(64);
    expect([...countOf(demo.assets, (a) => a.countryCode).keys()].sort()).toEqual(Object.keys(DEMO_COUNTRIES).sort());
    for (const asset of demo.assets) {
      expect(asset.id).toMatch(new RegExp(`^asset-${asset.countryCode.toLowerCase()}-[a-z0-9-]+$`));
      if (asset.operatorId) expect(DEMO_OPERATORS[asset.countryCode]).toContain(asset.operatorId);
      expect(asset.technologies!.length).toBeGreaterThan(0);
    }
    expect(new Set(demo.assets.map((a) => a.id)).size).toBe(demo.assets.length);
    expect(demo.assets.filter((a) => a.operatorId === null).length).toBeLessThan(demo.assets.length / 5);
  });

  it('has at least 160 dependencies, 20+ in NL and several in every country', () => {
    expect(demo.dependencies.length).toBeGreaterThanOrEqual(160);
    const byCountry = countOf(demo.dependencies, (d) => d.countryCode);
    expect(byCountry.get('NL')).toBeGreaterThanOrEqual(20);
    for (const code of Object.keys(DEMO_COUNTRIES)) expect(byCountry.get(code)).toBeGreaterThanOrEqual(6);
    expect(demo.dependencies.map((d) => d.id).slice(0, 2)).toEqual(['dep-001', 'dep-002']);
    expect(new Set(demo.dependencies.map((d) => d.id)).size).toBe(demo.dependencies.length);
  });

  it('refers only to known sectors, functions and assets, and gives every dependency a provisional score', () => {
    const functionCodes = new Set(nationalCriticalFunctionRows().map((row) => row.code));
    const assets = new Map(demo.assets.map((a) => [a.id, a]));
    for (const d of demo.dependencies) {
      expect(SECTOR_CODES).toContain(d.sectorCode);
      if (d.functionCode) expect(functionCodes).toContain(d.functionCode);
      expect(assets.get(d.assetId)?.countryCode).toBe(d.countryCode);
      // Provisional until the seed's assessment (risk/risk.seed.ts) scores it with every factor.
      expect({ riskScore: d.riskScore, priority: d.priority }).toEqual(provisionalRisk(d as never));
    }
    expect(new Set(demo.dependencies.map((d) => d.sectorCode)).size).toBe(16);
    expect(demo.dependencies.some((d) => d.functionCode === null)).toBe(true);
    expect(new Set(demo.dependencies.map((d) => d.criticality))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const link of demo.assetSectors) expect(SECTOR_CODES).toContain(link.sectorCode);
  });
});
