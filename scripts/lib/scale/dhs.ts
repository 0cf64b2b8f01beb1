// DHS at scale: engagements with their partner organizations and sectors, through DHS's schema.
import type { Database } from '@iag/kit';
import { engagementPartners, engagements, engagementSectors, type DhsSchema } from '../../../subgraphs/dhs/src/db/schema';
import { SECTOR_CODES } from '../../../subgraphs/cisa/src/seed-infrastructure/data/demo-story';
import { insertChunked, type Progress } from './insert';
import { countOf, DAY, EPOCH, NOW, rng, SALT } from './plan';
import { plannedEngagement } from './plan-engagements';
import { countryName, faker } from './plan-world';

type Kind = (typeof engagements.$inferInsert)['kind'];
const KINDS: [Kind, string][] = [
  ['DIALOGUE', 'cyber policy dialogue'], ['FORUM', 'infrastructure security forum'],
  ['CAPACITY_BUILDING', 'capacity building programme'], ['EXERCISE', 'tabletop exercise'],
  ['TECHNICAL_EXCHANGE', 'technical exchange'], ['INCIDENT_COORDINATION', 'incident coordination'],
];
const AGENCIES = ['CISA', 'STATE', 'DHS', 'DOE', 'FBI', 'TREASURY'];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function engagementRows(from: number, to: number) {
  const rows: (typeof engagements.$inferInsert)[] = [];
  const partners: (typeof engagementPartners.$inferInsert)[] = [];
  const sectors: (typeof engagementSectors.$inferInsert)[] = [];
  for (let i = from; i < to; i++) {
    const e = plannedEngagement(i);
    const r = rng(i, SALT.engagement + 50);
    const [kind, label] = r.pick(KINDS);
    const lead = r.pick(AGENCIES);
    const participating = r.distinct(r.int(0, 2), AGENCIES.length).map((a) => AGENCIES[a]).filter((a) => a !== lead);
    const starts = EPOCH + r.int(-365, Math.floor((NOW - EPOCH) / DAY) + 365) * DAY;
    // One in ten runs with no set end; the rest last from a day to over a year.
    const ends = r.next() < 0.1 ? null : starts + r.int(0, 400) * DAY;
    const status = starts > NOW ? 'PLANNED' : ends !== null && ends < NOW ? (r.next() < 0.05 ? 'CANCELLED' : 'COMPLETED') : 'ACTIVE';
    const concern = r.distinct(r.int(1, 2), SECTOR_CODES.length).map((s) => SECTOR_CODES[s]);
    faker.seed(rng(i, SALT.name + 400).int(0, 2 ** 31));
    rows.push({
      id: e.id, title: `${faker.location.city()} ${concern[0].toLowerCase().replace(/_/g, ' ')} ${label}`, kind,
      leadAgency: lead, participatingAgencies: participating, countryCode: e.countryCode,
      startsOn: iso(starts), endsOn: ends === null ? null : iso(ends), status, strategicGoal: r.int(1, 3),
      summary: `With partners in ${countryName(e.countryCode)}: ${faker.company.catchPhrase().toLowerCase()}.`,
    });
    for (const organizationId of e.partners) partners.push({ engagementId: e.id, organizationId });
    for (const sectorCode of concern) sectors.push({ engagementId: e.id, sectorCode });
  }
  return [{ table: engagements, rows }, { table: engagementPartners, rows: partners }, { table: engagementSectors, rows: sectors }];
}

export async function scaleDhs(database: Database<DhsSchema>, n: number, progress?: Progress) {
  const total = countOf('engagements', n);
  return { engagements: await insertChunked(database.db, { subgraph: 'dhs', table: 'engagements' }, total, engagementRows, progress) };
}
