// Threat products as every agency must see them: CISA writes them, Partners delivers them. TLP,
// status, audience, recipients and times of product k follow from k alone, so a delivery always
// carries its product's TLP and goes only to an organization the product's audience admits.
import { assetLinkCount, countOf, DAY, EPOCH, ids, NOW, poolFor, rng, SALT, type ScaleCounts } from './plan';
import { DEMO_PARTNERS, orgCountry, partnerIndex, partnersBelow } from './plan-world';

export type Tlp = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED';
export type ProductStatus = 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';

// A realistic mix: most sharing is CLEAR or GREEN, RED is rare.
const TLP_MIX: [Tlp, number][] = [['CLEAR', 0.2], ['GREEN', 0.6], ['AMBER', 0.9], ['AMBER_STRICT', 0.97], ['RED', 1]];

export interface PlannedDelivery {
  id: string;
  slot: number;
  recipientId: string;
  revision: number;
  /** For TLP:RED, the named individual it went to. */
  individual: string | null;
  deliveredAt: Date;
}

export interface PlannedProduct {
  index: number;
  id: string;
  tlp: Tlp;
  status: ProductStatus;
  revisions: number;
  publishedAt: Date;
  withdrawnAt: Date | null;
  /** Organizations it goes to; for AMBER and AMBER+STRICT exactly its audience organizations. */
  recipients: { id: string; countryCode: string }[];
  audienceOrganizations: string[];
  audienceIndividuals: string[];
  engagements: string[];
  countries: string[];
  deliveries: PlannedDelivery[];
}

const cache = new Map<number, PlannedProduct>();

/** Product k as every generator sees it (memoized: the partners generator asks for each many times). */
export function plannedProduct(k: number): PlannedProduct {
  const hit = cache.get(k);
  if (hit) return hit;
  const r = rng(k, SALT.product);
  const roll = r.next();
  const tlp = TLP_MIX.find(([, upTo]) => roll < upTo)![0];
  const statusRoll = r.next();
  const status: ProductStatus = statusRoll < 0.05 ? 'DRAFT' : statusRoll < 0.08 ? 'WITHDRAWN' : 'PUBLISHED';
  const revisions = r.int(1, 3);
  const spanDays = Math.floor((NOW - EPOCH) / DAY) - 60;
  const publishedAt = new Date(EPOCH + r.int(0, spanDays) * DAY + r.int(0, 9) * 3_600_000);
  const withdrawnAt = status === 'WITHDRAWN' ? new Date(publishedAt.getTime() + (2 * revisions + 20) * DAY) : null;

  // Partners that existed when product k could exist (see poolFor), plus the demo personas' CSIRTs.
  const pool = partnersBelow(poolFor('threatProducts', k, 'organizations'));
  const wanted = tlp === 'RED' ? r.int(1, 2) : r.int(2, 7);
  const recipients = r.distinct(wanted, pool).map((p) => {
    const i = partnerIndex(p);
    return { id: ids.organization(i), countryCode: orgCountry(i) };
  });
  if (r.next() < 0.25) recipients.push({ ...DEMO_PARTNERS[0] });
  if (r.next() < 0.15) recipients.push({ ...DEMO_PARTNERS[1] });
  const individuals = tlp === 'RED' ? recipients.map((o, n) => `${o.id}:analyst-${n + 1}`) : [];

  const enginePool = poolFor('threatProducts', k, 'engagements');
  const engagements = r.next() < 0.5 ? r.distinct(r.int(1, 2), enginePool).map(ids.engagement) : [];
  const countries = [...new Set(recipients.map((o) => o.countryCode))].slice(0, 4);

  // Drafts are not delivered. Revision 1 reaches every recipient; each later revision goes again
  // to the first recipient (the one that asked for the update), two days apart.
  const deliveries: PlannedDelivery[] = [];
  if (status !== 'DRAFT') {
    const at = (revision: number, slot: number) =>
      new Date(publishedAt.getTime() + 2 * (revision - 1) * DAY + (slot + 1) * 600_000);
    recipients.forEach((o, slot) =>
      deliveries.push({ id: ids.delivery(k, slot), slot, recipientId: o.id, revision: 1, individual: individuals[slot] ?? null, deliveredAt: at(1, slot) }),
    );
    for (let revision = 2; revision <= revisions; revision++) {
      const slot = deliveries.length;
      deliveries.push({ id: ids.delivery(k, slot), slot, recipientId: recipients[0].id, revision, individual: individuals[0] ?? null, deliveredAt: at(revision, slot) });
    }
  }

  const product: PlannedProduct = {
    index: k,
    id: ids.product(k),
    tlp,
    status,
    revisions,
    publishedAt,
    withdrawnAt,
    recipients,
    audienceOrganizations: tlp === 'AMBER' || tlp === 'AMBER_STRICT' ? recipients.map((o) => o.id) : [],
    audienceIndividuals: tlp === 'RED' ? [...individuals, 'cisa:analyst-1'] : [],
    engagements,
    countries: countries.length ? countries : ['NL'],
    deliveries,
  };
  cache.set(k, product);
  return product;
}

/** A delivered product near index `k` (drafts are skipped), for sightings to refer to. */
export function deliveredProductNear(k: number): PlannedProduct {
  for (let j = k; j >= 0; j--) if (plannedProduct(j).deliveries.length) return plannedProduct(j);
  for (let j = k + 1; ; j++) if (plannedProduct(j).deliveries.length) return plannedProduct(j);
}

/** Every count of the plan for scale n; deliveries are what the products' recipients add up to (≈ n/2). */
export function plannedCounts(n: number): ScaleCounts {
  const threatProducts = countOf('threatProducts', n);
  let deliveries = 0;
  for (let k = 0; k < threatProducts; k++) deliveries += plannedProduct(k).deliveries.length;
  return {
    organizations: countOf('organizations', n),
    agreements: countOf('agreements', n),
    engagements: countOf('engagements', n),
    assets: countOf('assets', n),
    dependencies: countOf('dependencies', n),
    threatProducts,
    deliveries,
    sightings: countOf('sightings', n),
    maturityAssessments: countOf('maturityAssessments', n),
    assetLinks: assetLinkCount(n),
  };
}
