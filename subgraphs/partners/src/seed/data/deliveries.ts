import type { deliveries } from '../../db/schema';

type Tlp = (typeof deliveries.$inferInsert)['tlp'];
type Channel = (typeof deliveries.$inferInsert)['channel'];
export type DeliverySeed = Omit<typeof deliveries.$inferInsert, 'version' | 'createdAt' | 'updatedAt'> & {
  deliveredAt: Date;
};

/**
 * CISA's threat products as docs/demo-data.md lists them, less the drafts (never delivered):
 * id, TLP, when it went out, its recipients (the audience organizations, and for CLEAR/GREEN/RED
 * the "also delivered to" ones), and for RED the named individuals. Withdrawn products (tp-09,
 * tp-30) are here because they were delivered before they were withdrawn.
 */
// One row per line reads as the table it is.
// prettier-ignore
const products: [id: string, tlp: Tlp, sentAt: string, recipients: string[], individuals?: string[]][] = [
  ['tp-01', 'CLEAR', '2025-01-14T14:00Z', ['nl-ncsc', 'de-cert-bund', 'gb-ncsc', 'jp-jpcert', 'au-acsc']],
  ['tp-02', 'CLEAR', '2025-02-03T15:30Z', ['nl-ncsc', 'fr-cert-fr', 'sg-singcert']],
  ['tp-03', 'CLEAR', '2025-02-25T09:00Z', ['ua-cert-ua', 'pl-cert-polska', 'ee-cert-ee']],
  ['tp-04', 'CLEAR', '2025-03-18T13:00Z', ['tw-twcert', 'jp-jpcert', 'kr-krcert']],
  ['tp-05', 'CLEAR', '2025-04-08T16:00Z', ['ca-cccs', 'au-acsc']],
  ['tp-06', 'CLEAR', '2025-04-29T12:00Z', ['mb-enisa', 'nl-ncsc', 'de-cert-bund']],
  ['tp-07', 'CLEAR', '2025-05-20T10:00Z', ['no-ncsc', 'pl-cert-polska']],
  ['tp-08', 'CLEAR', '2025-06-10T14:00Z', ['eg-egcert', 'fr-cert-fr']],
  ['tp-09', 'CLEAR', '2025-06-24T15:00Z', ['nl-ncsc', 'de-cert-bund']],
  ['tp-11', 'CLEAR', '2025-07-15T08:00Z', ['sg-singcert', 'au-acsc', 'mb-apcert']],
  ['tp-12', 'CLEAR', '2025-08-05T14:00Z', ['gb-ncsc', 'ca-cccs']],
  ['tp-13', 'GREEN', '2025-08-26T13:00Z', ['nl-ncsc', 'de-cert-bund', 'fr-cert-fr']],
  ['tp-14', 'GREEN', '2025-09-09T09:30Z', ['ua-cert-ua', 'ee-cert-ee']],
  ['tp-15', 'GREEN', '2025-09-30T02:00Z', ['jp-jpcert', 'tw-twcert']],
  ['tp-16', 'GREEN', '2025-10-14T03:00Z', ['kr-krcert', 'sg-singcert']],
  ['tp-17', 'GREEN', '2025-11-04T10:00Z', ['no-ncsc', 'pl-cert-polska', 'de-cert-bund']],
  ['tp-18', 'GREEN', '2025-11-25T15:00Z', ['gb-ncsc', 'nl-ncsc']],
  ['tp-19', 'GREEN', '2025-12-09T23:00Z', ['au-acsc', 'ca-cccs']],
  ['tp-21', 'GREEN', '2026-01-13T10:00Z', ['mb-enisa', 'ee-cert-ee']],
  ['tp-22', 'GREEN', '2026-02-03T11:00Z', ['eg-egcert']],
  ['tp-23', 'AMBER', '2026-02-24T14:00Z', ['nl-ncsc']],
  ['tp-24', 'AMBER', '2026-03-10T13:00Z', ['nl-ncsc', 'de-cert-bund']],
  ['tp-25', 'AMBER', '2026-03-31T12:00Z', ['de-cert-bund']],
  ['tp-26', 'AMBER', '2026-04-14T07:00Z', ['ua-cert-ua']],
  ['tp-27', 'AMBER', '2026-05-05T01:00Z', ['jp-jpcert', 'tw-twcert']],
  ['tp-28', 'AMBER', '2026-05-26T14:00Z', ['gb-ncsc']],
  ['tp-29', 'AMBER', '2026-06-09T00:30Z', ['sg-singcert', 'au-acsc']],
  ['tp-30', 'AMBER', '2026-06-23T14:00Z', ['nl-ncsc']],
  ['tp-31', 'AMBER', '2026-07-07T13:00Z', ['fr-cert-fr']],
  ['tp-32', 'AMBER', '2026-07-21T09:00Z', ['ee-cert-ee', 'pl-cert-polska']],
  ['tp-33', 'AMBER_STRICT', '2026-08-04T12:00Z', ['de-cert-bund']],
  ['tp-34', 'AMBER_STRICT', '2026-08-18T14:00Z', ['nl-ncsc']],
  ['tp-35', 'AMBER_STRICT', '2026-09-01T08:00Z', ['ua-cert-ua']],
  ['tp-36', 'AMBER_STRICT', '2026-09-15T02:00Z', ['tw-twcert']],
  ['tp-38', 'AMBER_STRICT', '2026-09-29T15:00Z', ['gb-ncsc']],
  ['tp-39', 'RED', '2026-10-06T16:00Z', ['gb-ncsc'], ['gb-ncsc:analyst-1', 'cisa:analyst-1']],
  ['tp-40', 'RED', '2026-10-13T14:00Z', ['nl-ncsc'], ['nl-ncsc:duty-officer', 'cisa:analyst-1']],
  ['tp-41', 'RED', '2026-10-20T08:00Z', ['ua-cert-ua'], ['ua-cert-ua:lead', 'cisa:analyst-1']],
  ['tp-42', 'RED', '2026-10-27T12:00Z', ['de-cert-bund'], ['de-cert-bund:analyst-2']],
  ['tp-44', 'RED', '2026-11-10T01:00Z', ['jp-jpcert'], ['jp-jpcert:lead', 'cisa:analyst-1']],
];

// Restricted products go through the portal or in person; open ones by any channel. Rotating
// through these keeps the channels varied but stable from one seed to the next.
const channels: Record<Tlp, Channel[]> = {
  CLEAR: ['EMAIL', 'PORTAL', 'TAXII'],
  GREEN: ['PORTAL', 'TAXII', 'EMAIL'],
  AMBER: ['PORTAL', 'BRIEFING', 'TAXII'],
  AMBER_STRICT: ['BRIEFING', 'PORTAL'],
  RED: ['BRIEFING'],
};

/** Hours from delivery to acknowledgement, taken in turn: most within a day, some after days. */
const ackDelays = [3, 18, 6, 41, 2, 27, 9, 70, 4, 12, 30, 5];

/** Deliveries nobody acknowledged (tp-30 was withdrawn before NCSC-NL got to it). */
const neverAcknowledged = new Set([
  'dlv-tp30-nl-ncsc',
  'dlv-tp09-de-cert-bund',
  'dlv-tp01-au-acsc',
  'dlv-tp06-mb-enisa',
  'dlv-tp08-eg-egcert',
  'dlv-tp11-mb-apcert',
  'dlv-tp19-ca-cccs',
  'dlv-tp22-eg-egcert',
  'dlv-tp44-jp-jpcert',
]);

const HOUR = 3_600_000;

export const deliveryId = (productId: string, recipientId: string) =>
  `dlv-${productId.replace('-', '')}-${recipientId}`;

function buildDeliveries(): DeliverySeed[] {
  let n = 0;
  return products.flatMap(([productId, tlp, sentAt, recipients, individuals = []], p) =>
    recipients.map((recipientId, r) => {
      const id = deliveryId(productId, recipientId);
      // TLP:RED goes to one named person of the organization, never to the organization at large.
      const individual = tlp === 'RED' ? individuals.find((sub) => sub.startsWith(`${recipientId}:`)) : undefined;
      if (tlp === 'RED' && !individual) throw new Error(`${id}: no named individual of ${recipientId}`);
      const deliveredAt = new Date(Date.parse(sentAt) + r * 25 * 60_000);
      // A briefing is acknowledged as it ends; anything else when someone gets to it.
      const delay = tlp === 'RED' ? 1 : ackDelays[n++ % ackDelays.length];
      const acknowledged = !neverAcknowledged.has(id);
      return {
        id,
        productId,
        recipientId,
        channel: channels[tlp][(p + r) % channels[tlp].length],
        tlp,
        recipientIndividual: individual ?? null,
        deliveredAt,
        acknowledgedAt: acknowledged ? new Date(deliveredAt.getTime() + delay * HOUR) : null,
        acknowledgedBy: acknowledged ? (individual ?? `${recipientId}:duty-officer`) : null,
      };
    }),
  );
}

/** One delivery per product and recipient (docs/demo-data.md); ids like `dlv-tp23-nl-ncsc`. */
export const demoDeliveries: DeliverySeed[] = buildDeliveries();
