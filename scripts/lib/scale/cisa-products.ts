// CISA's threat products at scale: the product rows, 1-3 revisions each with a snapshot, and the
// links to countries, sectors, KEV entries and DHS engagements, all as plan-products decides them.
import type { Database } from '@iag/kit';
import { asc } from '@iag/kit/orm';
import {
  threatProductCountries, threatProductEngagements, threatProductRevisions, threatProducts,
  threatProductSectors, threatProductVulnerabilities, vulnerabilities, type CisaSchema,
} from '../../../subgraphs/cisa/src/db/schema';
import { SECTOR_CODES } from '../../../subgraphs/cisa/src/seed-infrastructure/data/demo-story';
import { insertChunked, type Progress } from './insert';
import { countOf, DAY, rng, SALT } from './plan';
import { plannedProduct, type PlannedProduct } from './plan-products';
import { countryName, faker } from './plan-world';

type Kind = (typeof threatProducts.$inferInsert)['kind'];
const KINDS: [Kind, string][] = [
  ['ADVISORY', 'AA'], ['ALERT', 'AL'], ['ICS_ADVISORY', 'ICSA-'], ['ANALYSIS_REPORT', 'AR'],
  ['INDICATOR_BUNDLE', 'IB'], ['RISK_REDUCTION_GUIDANCE', 'RR'],
];
const ACTIONS = [
  'Apply the vendor updates for the listed CVEs, internet-facing systems first.',
  'Hunt for the listed indicators in firewall, proxy and DNS logs for the last 90 days.',
  'Require phishing-resistant multifactor authentication for all remote access.',
  'Separate operational technology networks from IT networks.',
  'Report suspected compromise to your national CSIRT and to CISA.',
];
const sectorName = (code: string) => code.toLowerCase().replace(/_/g, ' ');

function productRows(p: PlannedProduct, cves: string[]) {
  const r = rng(p.index, SALT.product + 50);
  const [kind, prefix] = r.pick(KINDS);
  const sectors = r.distinct(r.int(1, 3), SECTOR_CODES.length).map((s) => SECTOR_CODES[s]);
  const productCves = cves.length ? r.distinct(r.int(1, 3), cves.length).map((c) => cves[c]) : [];
  faker.seed(rng(p.index, SALT.name + 300).int(0, 2 ** 31));
  const where = p.countries.map(countryName).join(', ');
  const title = `${faker.hacker.adjective()} ${faker.hacker.noun()} exploitation against ${sectorName(sectors[0])} in ${where}`;
  const summary = `An actor is using ${productCves.join(', ') || 'known vulnerabilities'} to ${faker.hacker.verb()} the ${faker.hacker.noun()} of ${sectorName(sectors[0])} operators in ${where}; ${productCves.length} KEV-listed flaws are involved.`;
  const ip = (n: number) => `198.51.100.${(p.index * 7 + n) % 254 + 1}`;
  const row: typeof threatProducts.$inferInsert = {
    id: p.id,
    trackingId: `${prefix}${String(p.publishedAt.getUTCFullYear()).slice(2)}-X${p.index.toString(36).toUpperCase().padStart(4, '0')}`,
    kind, title: title[0].toUpperCase() + title.slice(1), summary, tlp: p.tlp, status: p.status,
    authorAgency: 'CISA', authors: ['cisa:analyst-1'], audienceAgencies: ['CISA'],
    audienceOrganizations: p.audienceOrganizations, audienceIndividuals: p.audienceIndividuals,
    recommendedActions: r.distinct(r.int(1, 3), ACTIONS.length).map((a) => ACTIONS[a]),
    indicators: [{ type: 'ipv4-addr', value: ip(0), description: 'Exploitation source' }, { type: 'ipv4-addr', value: ip(1), description: 'Command and control' }],
    revision: p.revisions,
    publishedAt: p.status === 'DRAFT' ? null : p.publishedAt,
    withdrawnAt: p.withdrawnAt,
    version: p.revisions,
    createdAt: p.publishedAt,
    updatedAt: p.withdrawnAt ?? new Date(p.publishedAt.getTime() + 2 * (p.revisions - 1) * DAY),
  };
  const revisions = Array.from({ length: p.revisions }, (_, i) => ({
    productId: p.id, revision: i + 1, title: row.title, summary: row.summary,
    changeNote: i === 0 ? 'Initial publication.' : `Added indicators reported by partners (update ${i}).`,
    snapshot: { ...row, revision: i + 1, countries: p.countries, sectors, vulnerabilities: productCves },
    createdBy: 'cisa:analyst-1', createdAt: new Date(p.publishedAt.getTime() + 2 * i * DAY),
  }));
  const link = (keys: string[]) => keys.map((key) => ({ productId: p.id, key }));
  return { row, revisions, countries: link(p.countries), sectors: link(sectors), cves: link(productCves), engagements: link(p.engagements) };
}

export async function scaleCisaProducts(database: Database<CisaSchema>, n: number, progress?: Progress) {
  // KEV entries are CISA's own reference data, already loaded by the demo seed.
  const kev = await database.db.select({ id: vulnerabilities.cveId }).from(vulnerabilities).orderBy(asc(vulnerabilities.cveId));
  const cves = kev.map((v) => v.id);
  const make = (from: number, to: number) => {
    const built = Array.from({ length: to - from }, (_, i) => productRows(plannedProduct(from + i), cves));
    return [
      { table: threatProducts, rows: built.map((b) => b.row) },
      { table: threatProductRevisions, rows: built.flatMap((b) => b.revisions) },
      { table: threatProductCountries, rows: built.flatMap((b) => b.countries) },
      { table: threatProductSectors, rows: built.flatMap((b) => b.sectors) },
      { table: threatProductVulnerabilities, rows: built.flatMap((b) => b.cves) },
      { table: threatProductEngagements, rows: built.flatMap((b) => b.engagements) },
    ];
  };
  const total = countOf('threatProducts', n);
  return { threatProducts: await insertChunked(database.db, { subgraph: 'cisa', table: 'threat products' }, total, make, progress) };
}
