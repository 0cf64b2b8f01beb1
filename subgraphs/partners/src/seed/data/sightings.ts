import type { sightings } from '../../db/schema';
import { demoDeliveries, deliveryId } from './deliveries';

type Kind = (typeof sightings.$inferInsert)['kind'];
export type SightingSeed = Omit<typeof sightings.$inferInsert, 'version' | 'createdAt'> & {
  observedAt: Date;
  reportedAt: Date;
};

/**
 * What recipients reported about products they received: product, organization, kind, indicator,
 * hours from delivery to the report, hours the observation preceded the report, count, comment.
 * Indicators are documentation addresses (RFC 5737) and example.com names.
 */
// One row per line reads as the table it is.
// prettier-ignore
const rows: [string, string, Kind, string | null, number, number, number, string][] = [
  ['tp-01', 'jp-jpcert', 'INDICATOR_SEEN', '198.51.100.14', 20, 30, 4, 'Scanning of exposed VPN gateways from the listed address.'],
  ['tp-01', 'au-acsc', 'FEEDBACK', null, 96, 0, 1, 'Useful; a STIX bundle alongside the PDF would speed up ingestion.'],
  ['tp-03', 'ua-cert-ua', 'INDICATOR_SEEN', '203.0.113.61', 6, 12, 9, 'Phishing relay seen against regional energy administrations.'],
  ['tp-04', 'kr-krcert', 'ACTION_TAKEN', null, 48, 2, 1, 'Advisory forwarded to 38 port and logistics operators.'],
  ['tp-08', 'fr-cert-fr', 'INDICATOR_SEEN', 'cable-nms.example.com', 30, 50, 2, 'Lookups from a landing station management network.'],
  ['tp-13', 'fr-cert-fr', 'FEEDBACK', null, 72, 0, 1, 'Detection logic matches our sensor rules; no gaps found.'],
  ['tp-13', 'de-cert-bund', 'INDICATOR_SEEN', '192.0.2.201', 10, 20, 3, 'Seen on two interconnect management hosts near Frankfurt.'],
  ['tp-14', 'ee-cert-ee', 'FALSE_POSITIVE', '192.0.2.15', 26, 4, 112, 'Address is a national CDN node serving X-Road clients; please drop it.'],
  ['tp-15', 'tw-twcert', 'INDICATOR_SEEN', 'update-check.example.com', 8, 18, 5, 'Beaconing from engineering workstations in a fab support network.'],
  ['tp-16', 'kr-krcert', 'INDICATOR_SEEN', '198.51.100.77', 14, 22, 3, 'Port community system login attempts from the listed range.'],
  ['tp-17', 'pl-cert-polska', 'ACTION_TAKEN', null, 20, 6, 1, 'Compressor station operators told to rotate vendor remote-access credentials.'],
  ['tp-17', 'no-ncsc', 'INDICATOR_SEEN', '203.0.113.140', 36, 40, 6, 'Seen against offshore gas processing remote access portals.'],
  ['tp-23', 'nl-ncsc', 'INDICATOR_SEEN', '198.51.100.23', 5, 10, 14, 'Beaconing from two port logistics hosts to the listed C2 address.'],
  ['tp-23', 'nl-ncsc', 'ACTION_TAKEN', null, 9, 1, 1, 'C2 address sinkholed for central government and port operators.'],
  ['tp-24', 'nl-ncsc', 'INDICATOR_SEEN', 'telemetry-sync.example.com', 12, 16, 6, 'DNS lookups from a colocation campus management VLAN.'],
  ['tp-24', 'de-cert-bund', 'INDICATOR_SEEN', '203.0.113.45', 20, 26, 3, 'Connections from a cable landing station jump host.'],
  ['tp-24', 'de-cert-bund', 'FALSE_POSITIVE', '203.0.113.46', 28, 6, 41, 'Address belongs to a monitoring vendor used by half our operators.'],
  ['tp-25', 'de-cert-bund', 'ACTION_TAKEN', null, 50, 3, 4, 'Notified four transmission operators; all patched within a week.'],
  ['tp-26', 'ua-cert-ua', 'INDICATOR_SEEN', '203.0.113.9', 4, 8, 31, 'Wiper staging seen on substation HMI jump hosts.'],
  ['tp-26', 'ua-cert-ua', 'ACTION_TAKEN', null, 18, 2, 1, 'Jump hosts rebuilt; dispatch operated manually for six hours.'],
  ['tp-27', 'jp-jpcert', 'INDICATOR_SEEN', 'fab-telemetry.example.com', 22, 30, 2, 'Lookups from a wafer fab supplier portal.'],
  ['tp-27', 'tw-twcert', 'ACTION_TAKEN', null, 16, 4, 1, 'Foundry operators blocked the domain at their egress proxies.'],
  ['tp-28', 'gb-ncsc', 'FEEDBACK', null, 40, 0, 1, 'Timely; the mitigations section should name firmware versions.'],
  ['tp-29', 'sg-singcert', 'INDICATOR_SEEN', '192.0.2.88', 11, 20, 7, 'Credential stuffing against a Straits data centre customer portal.'],
  ['tp-29', 'au-acsc', 'FEEDBACK', null, 60, 0, 1, 'Not seen in LNG operator networks; indicators ingested for hunting.'],
  ['tp-32', 'pl-cert-polska', 'INDICATOR_SEEN', '198.51.100.150', 14, 24, 4, 'Seen against the pipeline operator SCADA DMZ.'],
  ['tp-32', 'ee-cert-ee', 'ACTION_TAKEN', null, 20, 3, 1, 'Blocked at the state network perimeter and at Estlink Grid.'],
  ['tp-35', 'ua-cert-ua', 'INDICATOR_SEEN', '198.51.100.201', 6, 9, 3, 'Same actor back, now through a compromised managed service provider.'],
  ['tp-39', 'gb-ncsc', 'ACTION_TAKEN', null, 3, 1, 1, 'Landing station operator isolated the affected management segment.'],
];

const deliveredAt = new Map(demoDeliveries.map((d) => [d.id, d.deliveredAt.getTime()]));
const HOUR = 3_600_000;

function buildSightings(): SightingSeed[] {
  return rows.map(
    ([productId, organizationId, kind, indicatorValue, reportAfter, observedBefore, count, comment], i) => {
      const sent = deliveredAt.get(deliveryId(productId, organizationId));
      // A partner reports on what it received; a row that breaks this is a mistake in the table above.
      if (sent === undefined) throw new Error(`sighting of ${productId} by ${organizationId}: no such delivery`);
      const reportedAt = new Date(sent + reportAfter * HOUR);
      return {
        id: `sgt-${String(i + 1).padStart(2, '0')}`,
        productId,
        organizationId,
        kind,
        indicatorValue,
        observedAt: new Date(reportedAt.getTime() - observedBefore * HOUR),
        reportedAt,
        count,
        comment,
      };
    },
  );
}

/** Sightings, feedback and actions reported by recipients; ids `sgt-01`... */
export const demoSightings: SightingSeed[] = buildSightings();
