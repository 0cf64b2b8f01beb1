// Partners at scale: deliveries of CISA's generated products to the organizations their TLP and
// audience admit, what recipients reported back, and maturity assessments of operators.
import type { Database } from '@iag/kit';
import { deliveries, maturityAssessments, sightings, type PartnersSchema } from '../../../subgraphs/partners/src/db/schema';
import { insertChunked, type Progress } from './insert';
import { countOf, DAY, EPOCH, ids, NOW, poolFor, rng, SALT } from './plan';
import { deliveredProductNear, plannedProduct, type PlannedDelivery, type PlannedProduct } from './plan-products';
import { operatorBelow } from './plan-world';

const HOUR = 3_600_000;
type Channel = (typeof deliveries.$inferInsert)['channel'];
// RED goes to a named person, so by briefing or personal email; the rest mostly by portal and TAXII.
const CHANNELS: Channel[] = ['PORTAL', 'PORTAL', 'TAXII', 'EMAIL'];

function deliveryRow(p: PlannedProduct, d: PlannedDelivery): typeof deliveries.$inferInsert {
  const r = rng(p.index * 64 + d.slot, SALT.product + 70);
  const acknowledged = r.next() < 0.8 ? new Date(d.deliveredAt.getTime() + r.int(1, 72) * HOUR) : null;
  return {
    id: d.id, productId: p.id, recipientId: d.recipientId, tlp: p.tlp, revision: d.revision,
    channel: p.tlp === 'RED' ? r.pick<Channel>(['BRIEFING', 'EMAIL']) : r.pick(CHANNELS),
    recipientIndividual: d.individual, deliveredAt: d.deliveredAt, acknowledgedAt: acknowledged,
    acknowledgedBy: acknowledged ? (d.individual ?? `${d.recipientId}:duty-officer`) : null,
  };
}

function sightingRows(from: number, to: number) {
  const rows: (typeof sightings.$inferInsert)[] = [];
  for (let i = from; i < to; i++) {
    const r = rng(i, SALT.sighting);
    const p = deliveredProductNear(r.int(0, poolFor('sightings', i, 'threatProducts') - 1));
    const d = r.pick(p.deliveries);
    const kind = r.pick(['INDICATOR_SEEN', 'INDICATOR_SEEN', 'ACTION_TAKEN', 'FALSE_POSITIVE', 'FEEDBACK'] as const);
    const observedAt = new Date(d.deliveredAt.getTime() + r.int(1, 240) * HOUR);
    rows.push({
      id: ids.sighting(i), productId: p.id, organizationId: d.recipientId, kind,
      indicatorValue: kind === 'INDICATOR_SEEN' || kind === 'FALSE_POSITIVE' ? `198.51.100.${(p.index * 7) % 254 + 1}` : null,
      observedAt, reportedAt: new Date(observedAt.getTime() + r.int(1, 48) * HOUR), count: r.int(1, 20),
      comment: kind === 'FEEDBACK' ? 'Useful; please include STIX with the next revision.' : null,
    });
  }
  return [{ table: sightings, rows }];
}

const FRAMEWORKS = ['NIST CSF 2.0', 'C2M2 v2.1', 'ISA/IEC 62443', 'ISO/IEC 27001:2022'];
const METHODS = ['SELF_ASSESSMENT', 'PEER_REVIEW', 'CISA_ASSESSMENT', 'THIRD_PARTY_AUDIT'] as const;

function maturityRows(from: number, to: number) {
  const rows: (typeof maturityAssessments.$inferInsert)[] = [];
  for (let i = from; i < to; i++) {
    const r = rng(i, SALT.maturity);
    const org = operatorBelow(poolFor('maturityAssessments', i, 'organizations'), r);
    rows.push({
      id: ids.maturity(i), organizationId: ids.organization(org), level: r.int(1, 5),
      assessedOn: new Date(EPOCH + r.int(0, Math.floor((NOW - EPOCH) / DAY)) * DAY).toISOString().slice(0, 10),
      method: r.pick(METHODS), framework: r.pick(FRAMEWORKS), notes: null,
    });
  }
  return [{ table: maturityAssessments, rows }];
}

export async function scalePartners(database: Database<PartnersSchema>, n: number, progress?: Progress) {
  const label = (table: string) => ({ subgraph: 'partners', table });
  const planned = Array.from({ length: countOf('threatProducts', n) }, (_, k) => plannedProduct(k))
    .flatMap((p) => p.deliveries.map((d) => [p, d] as const));
  const deliveryRows = (from: number, to: number) => [{ table: deliveries, rows: planned.slice(from, to).map(([p, d]) => deliveryRow(p, d)) }];
  return {
    deliveries: await insertChunked(database.db, label('deliveries'), planned.length, deliveryRows, progress),
    sightings: await insertChunked(database.db, label('sightings'), countOf('sightings', n), sightingRows, progress),
    maturityAssessments: await insertChunked(database.db, label('maturity assessments'), countOf('maturityAssessments', n), maturityRows, progress),
  };
}
