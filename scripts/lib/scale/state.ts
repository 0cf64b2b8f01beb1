// State at scale: organizations (partners and operators across State's countries) and agreements
// with their parties and the engagements carried out under them, through State's schema.
import type { Database } from '@iag/kit';
import { agreementEngagements, agreementParties, agreements, organizations, type StateSchema } from '../../../subgraphs/state/src/db/schema';
import { insertChunked, type Progress } from './insert';
import { countOf, DAY, EPOCH, ids, poolFor, rng, SALT } from './plan';
import { plannedEngagement } from './plan-engagements';
import { countryName, organizationRow } from './plan-world';

type Agreement = typeof agreements.$inferInsert;
const KINDS: Agreement['kind'][] = ['MEMORANDUM_OF_UNDERSTANDING', 'INFORMATION_SHARING_ARRANGEMENT', 'JOINT_STATEMENT', 'LETTER_OF_INTENT', 'TREATY'];
const TLPS: Agreement['maxTlp'][] = ['CLEAR', 'GREEN', 'GREEN', 'AMBER', 'AMBER', 'AMBER_STRICT', 'RED'];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function organizationRows(from: number, to: number) {
  return [{ table: organizations, rows: Array.from({ length: to - from }, (_, i) => organizationRow(from + i)) }];
}

// An agreement is built around one engagement: its parties are that engagement's partners, so the
// agreement and the engagement agree on country and organizations, as the demo contract requires.
function agreementRows(from: number, to: number) {
  const rows: Agreement[] = [];
  const parties: (typeof agreementParties.$inferInsert)[] = [];
  const links: (typeof agreementEngagements.$inferInsert)[] = [];
  for (let i = from; i < to; i++) {
    const r = rng(i, SALT.agreement);
    const engagement = plannedEngagement(r.int(0, poolFor('agreements', i, 'engagements') - 1));
    const status = r.pick(['NEGOTIATING', 'IN_FORCE', 'IN_FORCE', 'IN_FORCE', 'EXPIRED', 'TERMINATED'] as const);
    const signed = EPOCH + r.int(-1500, 1500) * DAY;
    const kind = r.pick(KINDS);
    rows.push({
      id: ids.agreement(i),
      title: `US–${countryName(engagement.countryCode)} ${kind.toLowerCase().replace(/_/g, ' ')} no. ${i + 1}`,
      kind, status, summary: 'Generated at scale for load testing.', usAgencies: ['CISA', 'STATE'],
      signedOn: status === 'NEGOTIATING' ? null : iso(signed),
      effectiveFrom: status === 'NEGOTIATING' ? null : iso(signed + 14 * DAY),
      expiresOn: status === 'EXPIRED' || status === 'TERMINATED' ? iso(signed + 1500 * DAY) : null,
      maxTlp: r.pick(TLPS),
    });
    for (const organizationId of engagement.partners) parties.push({ agreementId: ids.agreement(i), organizationId });
    links.push({ agreementId: ids.agreement(i), engagementId: engagement.id });
  }
  return [{ table: agreements, rows }, { table: agreementParties, rows: parties }, { table: agreementEngagements, rows: links }];
}

export async function scaleState(database: Database<StateSchema>, n: number, progress?: Progress) {
  const label = (table: string) => ({ subgraph: 'state', table });
  return {
    organizations: await insertChunked(database.db, label('organizations'), countOf('organizations', n), organizationRows, progress),
    agreements: await insertChunked(database.db, label('agreements'), countOf('agreements', n), agreementRows, progress),
  };
}
