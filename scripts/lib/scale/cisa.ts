// CISA at scale: assets (with their sectors) and the dependencies on them, through CISA's own
// schema, scored with the same risk model as the demo seed (a provisional score here, the full
// assessment once every CISA row is in: see index.ts).
import type { Database } from '@iag/kit';
import { assetSectors, assets, dependencies, type CisaSchema } from '../../../subgraphs/cisa/src/db/schema';
import { provisionalRisk } from '../../../subgraphs/cisa/src/risk/risk.factors';
import { assetsBeyondEurope } from '../../../subgraphs/cisa/src/seed-infrastructure/data/assets-beyond-europe';
import { assetsInEurope } from '../../../subgraphs/cisa/src/seed-infrastructure/data/assets-europe';
import { dependencyProfiles } from '../../../subgraphs/cisa/src/seed-infrastructure/data/dependency-profiles';
import { insertChunked, type Progress } from './insert';
import { countOf, ids, poolFor, rng, SALT } from './plan';
import { countryName, faker, operatorBelow, orgCountry, pickCountry } from './plan-world';

type AssetKind = keyof typeof dependencyProfiles;
const KINDS = Object.keys(dependencyProfiles) as AssetKind[];
const KIND_LABEL: Record<AssetKind, string> = {
  CABLE_LANDING: 'Cable Landing Station', PORT: 'Container Terminal', POWER_INTERCONNECT: 'HVDC Interconnector',
  PIPELINE: 'Gas Pipeline Compressor Station', SEMICONDUCTOR_FAB: 'Wafer Fab', DATA_CENTER: 'Data Centre',
  GROUND_STATION: 'Satellite Ground Station', INTERNET_EXCHANGE: 'Internet Exchange', LNG_TERMINAL: 'LNG Terminal',
  POWER_PLANT: 'Power Station', SUBSTATION: 'Substation',
};
// The technologies the demo assets run: the KEV catalog names them, so generated assets get KEV links.
const TECHNOLOGIES = [
  ...new Set([assetsInEurope, assetsBeyondEurope].flatMap((t) => Object.values(t).flat().flatMap((spec) => spec[7]))),
].sort();

interface PlannedAsset {
  id: string;
  name: string;
  kind: AssetKind;
  countryCode: string;
  operatorId: string | null;
  criticality: number;
  technologies: string[];
}

const cache = new Map<number, PlannedAsset>();
export function plannedAsset(j: number): PlannedAsset {
  const hit = cache.get(j);
  if (hit) return hit;
  const r = rng(j, SALT.asset);
  const kind = r.pick(KINDS);
  const criticality = r.int(1, 5);
  // Nine in ten have a known operator, an OPERATOR organization of State, whose country is the asset's.
  const operator = r.next() < 0.9 ? operatorBelow(poolFor('assets', j, 'organizations'), r) : null;
  const countryCode = operator === null ? pickCountry(r) : orgCountry(operator);
  const technologies = r.distinct(r.int(1, 3), TECHNOLOGIES.length).map((t) => TECHNOLOGIES[t]);
  faker.seed(rng(j, SALT.name + 100).int(0, 2 ** 31));
  const name = `${faker.location.city()} ${KIND_LABEL[kind]}`;
  const asset = { id: ids.asset(j), name, kind, countryCode, operatorId: operator === null ? null : ids.organization(operator), criticality, technologies };
  cache.set(j, asset);
  return asset;
}

function assetRows(from: number, to: number) {
  const rows: (typeof assets.$inferInsert)[] = [];
  const sectors: (typeof assetSectors.$inferInsert)[] = [];
  for (let j = from; j < to; j++) {
    const a = plannedAsset(j);
    faker.seed(rng(j, SALT.name + 200).int(0, 2 ** 31));
    rows.push({
      id: a.id, name: a.name, kind: a.kind, countryCode: a.countryCode, operatorId: a.operatorId,
      latitude: faker.location.latitude({ precision: 3 }), longitude: faker.location.longitude({ precision: 3 }),
      technologies: a.technologies,
      description: `${KIND_LABEL[a.kind]} in ${countryName(a.countryCode)} that US ${dependencyProfiles[a.kind][0].sector.toLowerCase().replace(/_/g, ' ')} relies on.`,
    });
    for (const code of new Set(dependencyProfiles[a.kind].map((p) => p.sector))) sectors.push({ assetId: a.id, sectorCode: code });
  }
  return [{ table: assets, rows }, { table: assetSectors, rows: sectors }];
}

// As in the demo: every twentieth dependency is retired, so the status filter finds history.
const RETIRED_EVERY = 20;

function dependencyRows(from: number, to: number) {
  const rows: (typeof dependencies.$inferInsert)[] = [];
  for (let i = from; i < to; i++) {
    const r = rng(i, SALT.dependency);
    const asset = plannedAsset(r.int(0, poolFor('dependencies', i, 'assets') - 1));
    const profile = r.pick(dependencyProfiles[asset.kind]);
    const criticality = Math.min(5, Math.max(1, asset.criticality + profile.delta));
    rows.push({
      id: ids.dependency(i), assetId: asset.id, functionCode: profile.function, sectorCode: profile.sector,
      countryCode: asset.countryCode, kind: profile.kind, coupling: profile.coupling, criticality,
      substitutability: profile.substitutability, ...provisionalRisk({ criticality, substitutability: profile.substitutability, coupling: profile.coupling }),
      status: i % RETIRED_EVERY === RETIRED_EVERY - 1 ? 'RETIRED' : 'ACTIVE',
      rationale: profile.why({ name: asset.name, country: countryName(asset.countryCode), technology: asset.technologies[0] }),
    });
  }
  return [{ table: dependencies, rows }];
}

export async function scaleCisaInfrastructure(database: Database<CisaSchema>, n: number, progress?: Progress) {
  const db = database.db;
  const label = (table: string) => ({ subgraph: 'cisa', table });
  return {
    assets: await insertChunked(db, label('assets'), countOf('assets', n), assetRows, progress),
    dependencies: await insertChunked(db, label('dependencies'), countOf('dependencies', n), dependencyRows, progress),
  };
}
