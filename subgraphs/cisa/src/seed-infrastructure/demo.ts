import type { assetLinks, assetSectors, assets, dependencies } from '../db/schema';
import { provisionalRisk } from '../risk/risk.factors';
import { demoAssetLinks } from './data/asset-links';
import type { AssetSpec } from './data/asset-spec';
import { assetsBeyondEurope } from './data/assets-beyond-europe';
import { assetsInEurope } from './data/assets-europe';
import { DEMO_COUNTRIES } from './data/demo-story';
import { dependencyProfiles } from './data/dependency-profiles';

export interface DemoInfrastructure {
  assets: (typeof assets.$inferInsert)[];
  assetSectors: (typeof assetSectors.$inferInsert)[];
  dependencies: (typeof dependencies.$inferInsert)[];
  assetLinks: (typeof assetLinks.$inferInsert)[];
}

// An asset the US relies on more is depended on in more ways: 2 profiles for a minor asset, up to
// 4 for the most critical ones.
const profileCount = (criticality: number) => Math.min(4, Math.max(2, criticality - 1));

// Every twentieth dependency is recorded as retired (superseded by a later assessment), so that the
// demo has history for the status filter to find.
const RETIRED_EVERY = 20;

const clamp = (value: number) => Math.min(5, Math.max(1, value));

/**
 * The demo assets and the dependencies on them, generated from the asset tables and the
 * per-kind dependency profiles. Deterministic: dependency ids (`dep-001`...) follow table order,
 * so new assets go at the end of the last table to keep existing ids stable.
 */
export function buildDemoInfrastructure(): DemoInfrastructure {
  const result: DemoInfrastructure = { assets: [], assetSectors: [], dependencies: [], assetLinks: demoAssetLinkRows() };
  const tables: Record<string, AssetSpec[]>[] = [assetsInEurope, assetsBeyondEurope];
  for (const [countryCode, specs] of tables.flatMap((table) => Object.entries(table))) {
    for (const [slug, name, kind, operatorId, latitude, longitude, criticality, technologies, description] of specs) {
      const id = `asset-${countryCode.toLowerCase()}-${slug}`;
      result.assets.push({ id, name, kind, countryCode, operatorId, latitude, longitude, technologies, description });
      const profiles = dependencyProfiles[kind].slice(0, profileCount(criticality));
      for (const sectorCode of new Set(profiles.map((profile) => profile.sector))) {
        result.assetSectors.push({ assetId: id, sectorCode });
      }
      const subject = { name, country: DEMO_COUNTRIES[countryCode], technology: technologies[0] };
      for (const profile of profiles) {
        const n = result.dependencies.length + 1;
        const level = clamp(criticality + profile.delta);
        result.dependencies.push({
          id: `dep-${String(n).padStart(3, '0')}`,
          assetId: id,
          functionCode: profile.function,
          sectorCode: profile.sector,
          countryCode,
          kind: profile.kind,
          coupling: profile.coupling,
          criticality: level,
          substitutability: profile.substitutability,
          // Provisional: the seed assesses every new dependency once all its data is in (risk/risk.seed.ts).
          ...provisionalRisk({ criticality: level, substitutability: profile.substitutability, coupling: profile.coupling }),
          status: n % RETIRED_EVERY === 0 ? 'RETIRED' : 'ACTIVE',
          rationale: profile.why(subject),
        });
      }
    }
  }
  return result;
}

/** The demo links between assets as rows, ids (`link-01`...) in table order. */
export function demoAssetLinkRows(): (typeof assetLinks.$inferInsert)[] {
  return demoAssetLinks.map(([assetId, dependsOnAssetId, kind, coupling, rationale, status = 'ACTIVE'], i) => ({
    id: `link-${String(i + 1).padStart(2, '0')}`,
    assetId,
    dependsOnAssetId,
    kind,
    coupling,
    status,
    rationale,
  }));
}
