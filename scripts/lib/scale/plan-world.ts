// Who and where: the countries generated entities belong to and the organizations State generates.
// Every other generator calls these functions to learn an organization's kind and country.
import { en, Faker } from '@faker-js/faker';
import countryData from '../../../subgraphs/state/src/seed/data/countries.json' with { type: 'json' };
import { ids, rng, SALT, type Rng } from './plan';

// The demo countries carry most of the generated data, the first ones most of all, so that a
// country brief of NL or DE is heavy while every other country still has a little.
const DEMO_WEIGHTS: [code: string, weight: number][] = [
  ['NL', 12], ['DE', 10], ['GB', 8], ['FR', 6], ['JP', 6], ['UA', 5], ['PL', 4], ['TW', 4],
  ['KR', 4], ['SG', 4], ['AU', 3], ['CA', 3], ['NO', 3], ['EE', 2], ['EG', 2],
];
const DEMO_SHARE = 0.65;
const DEMO_TOTAL = DEMO_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
// The US is not foreign infrastructure; Antarctica and uninhabited territories have no operators.
const OTHER_COUNTRIES = countryData
  .filter((c) => c.region !== 'Antarctic' && !['US', 'UM'].includes(c.code) && !DEMO_WEIGHTS.some(([d]) => d === c.code))
  .map((c) => c.code);
const COUNTRY_NAMES = new Map(countryData.map((c) => [c.code, c.name]));

export const countryName = (code: string) => COUNTRY_NAMES.get(code) ?? code;

/** A country drawn from State's reference list, weighted toward the demo countries. */
export function pickCountry(r: Rng): string {
  if (r.next() >= DEMO_SHARE) return r.pick(OTHER_COUNTRIES);
  let ticket = r.next() * DEMO_TOTAL;
  for (const [code, weight] of DEMO_WEIGHTS) {
    ticket -= weight;
    if (ticket < 0) return code;
  }
  return 'NL';
}

/** One faker for all generated text, re-seeded per entity so names follow the entity's index. */
export const faker = new Faker({ locale: [en] });

export type OrgKind = 'NATIONAL_CSIRT' | 'REGULATOR' | 'GOVERNMENT_BODY' | 'OPERATOR';

// Two in five organizations are partners (CSIRTs, regulators, ministries) that receive products;
// three in five operate infrastructure.
export function orgKind(i: number): OrgKind {
  const slot = i % 10;
  if (slot === 0 || slot === 5) return 'NATIONAL_CSIRT';
  if (slot === 2) return 'REGULATOR';
  if (slot === 7) return 'GOVERNMENT_BODY';
  return 'OPERATOR';
}

export const isPartner = (i: number) => orgKind(i) !== 'OPERATOR';
export const orgCountry = (i: number) => pickCountry(rng(i, SALT.organization));

/** The demo partners (personas partner-nl and partner-de) that generated products also reach. */
export const DEMO_PARTNERS = [
  { id: 'nl-ncsc', countryCode: 'NL' },
  { id: 'de-cert-bund', countryCode: 'DE' },
] as const;

/** How many partner organizations are certainly among the first `pool` (whole groups of five). */
export const partnersBelow = (pool: number) => Math.max(1, Math.floor(pool / 5) * 2);

/** The k-th partner organization index (partners sit at i % 5 in {0, 2}). */
export const partnerIndex = (k: number) => 5 * Math.floor(k / 2) + (k % 2 ? 2 : 0);

/** An operator index among the first `pool` organizations. */
export function operatorBelow(pool: number, r: Rng): number {
  const k = r.int(0, Math.floor(pool / 5) * 3 - 1);
  // Operators sit at i % 5 in {1, 3, 4}.
  return 5 * Math.floor(k / 3) + [1, 3, 4][k % 3];
}

export function organizationRow(i: number) {
  const kind = orgKind(i);
  const countryCode = orgCountry(i);
  faker.seed(rng(i, SALT.name).int(0, 2 ** 31));
  const city = faker.location.city();
  const country = countryName(countryCode);
  const byKind: Record<OrgKind, () => { name: string; acronym: string | null; description: string }> = {
    NATIONAL_CSIRT: () => ({ name: `${city} Computer Security Incident Response Team`, acronym: `CSIRT-${countryCode}${i}`, description: `Sectoral CSIRT in ${country}; shares threat information with CISA.` }),
    REGULATOR: () => ({ name: `${country} ${faker.helpers.arrayElement(['Energy', 'Communications', 'Transport', 'Water'])} Regulatory Authority (${city})`, acronym: null, description: `Supervises operators of essential services in ${country}.` }),
    GOVERNMENT_BODY: () => ({ name: `${city} Office for Digital Infrastructure`, acronym: null, description: `Government body coordinating infrastructure security in ${country}.` }),
    OPERATOR: () => ({ name: `${faker.company.name()} ${faker.helpers.arrayElement(['Infrastructure', 'Networks', 'Energy', 'Terminals', 'Logistics'])}`, acronym: null, description: `Operates infrastructure around ${city}, ${country}.` }),
  };
  return { id: ids.organization(i), kind, countryCode, ...byKind[kind]() };
}
