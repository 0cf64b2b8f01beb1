import { createHash } from 'node:crypto';
import type { threatProducts } from '../../db/schema';

type ProductInsert = typeof threatProducts.$inferInsert;
export type DemoIndicator = NonNullable<ProductInsert['indicators']>[number];

/** One invented product of docs/demo-data.md, in the compact form the seed expands into rows. */
export interface DemoProduct {
  id: string;
  trackingId: string;
  kind: ProductInsert['kind'];
  tlp: ProductInsert['tlp'];
  status: ProductInsert['status'];
  title: string;
  summary: string;
  /** Publication time, or for a draft when it was started. */
  at: string;
  withdrawnAt?: string;
  countries: string[];
  sectors: string[];
  /** CVE ids from the KEV catalog. */
  cves: string[];
  /** Audience organizations (AMBER, AMBER+STRICT) and individuals (RED); `CISA` is always added. */
  organizations?: string[];
  individuals?: string[];
  /** `sub`s of the authors; `cisa:analyst-1` when absent. */
  authors?: string[];
  indicators: DemoIndicator[];
  actions: string[];
  /** One change note per revision, oldest first: the product is at revision `changes.length`. */
  changes: string[];
  /** DHS engagement ids in which the product was shared. */
  engagements?: string[];
}

// Indicators use only documentation addresses (RFC 5737) and example domains (RFC 2606); file
// hashes are the SHA-256 of a label, so they look real and match nothing.
export const ip = (value: string, description: string): DemoIndicator => ({ type: 'ipv4-addr', value, description });
export const domain = (value: string, description: string): DemoIndicator => ({
  type: 'domain-name',
  value,
  description,
});
export const url = (value: string, description: string): DemoIndicator => ({ type: 'url', value, description });
export const file = (label: string, description: string): DemoIndicator => ({
  type: 'file:hashes.SHA-256',
  value: createHash('sha256').update(`iag-demo:${label}`).digest('hex'),
  description,
});

/** Actions most products recommend, worded once. */
export const act = {
  patchKev:
    'Apply the vendor updates for the listed CVEs, internet-facing systems first, and verify the running version.',
  hunt: 'Hunt for the listed indicators in firewall, proxy and DNS logs for at least the last 90 days.',
  rotate: 'Reset credentials and revoke sessions for accounts used on affected appliances after patching.',
  segment: 'Separate operational technology networks from IT networks and allow only documented flows between them.',
  mfa: 'Require phishing-resistant multifactor authentication for all remote access.',
  report: 'Report suspected compromise to your national CSIRT and to CISA at report@cisa.gov.',
  backups: 'Keep offline, tested backups of configurations and critical data, and isolate backup servers.',
  exposure: 'Remove management interfaces from the internet; reach them only through a hardened jump host.',
};
