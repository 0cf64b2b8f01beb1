import { BadUserInputError } from '@iag/kit';
import type { VulnerabilityRow } from '../vulnerability/vulnerability.loader';
import { assertKevSchema } from './kev.schema';

/** One entry of the catalog as CISA publishes it (`known_exploited_vulnerabilities_schema.json`). */
export interface KevEntry {
  cveID: string;
  vendorProject: string;
  product: string;
  vulnerabilityName: string;
  dateAdded: string;
  shortDescription: string;
  requiredAction: string;
  dueDate: string;
  knownRansomwareCampaignUse?: string;
  notes?: string;
  cwes?: string[];
}

export interface KevCatalog {
  catalogVersion: string;
  dateReleased: string;
  count: number;
  vulnerabilities: KevEntry[];
}

// A BadUserInputError rather than a plain Error: the catalog also arrives through a mutation,
// where a plain error would be masked as "Unexpected error." and the caller never learn what is wrong.
function invalid(message: string): never {
  throw new BadUserInputError(`Invalid KEV catalog: ${message}`, 'catalog');
}

/**
 * Parses a catalog (JSON text or a parsed document) and checks it against CISA's JSON schema
 * (`assertKevSchema`), then what the schema cannot say: `count` must match the entries, which
 * catches a truncated download before it is half-applied, and no CVE may be listed twice.
 */
export function parseKevCatalog(json: unknown): KevCatalog {
  let document = json;
  if (typeof json === 'string') {
    try {
      document = JSON.parse(json);
    } catch {
      invalid('it is not valid JSON');
    }
  }
  assertKevSchema(document);
  const catalog = document as KevCatalog;
  if (catalog.count !== catalog.vulnerabilities.length) {
    invalid(`\`count\` is ${catalog.count} but the catalog lists ${catalog.vulnerabilities.length} entries`);
  }
  const seen = new Set<string>();
  for (const entry of catalog.vulnerabilities) {
    // One upsert statement cannot touch the same row twice, so a duplicate would fail the whole batch.
    if (seen.has(entry.cveID)) invalid(`${entry.cveID} is listed twice`);
    seen.add(entry.cveID);
  }
  return {
    catalogVersion: catalog.catalogVersion,
    dateReleased: catalog.dateReleased,
    count: catalog.count,
    vulnerabilities: catalog.vulnerabilities,
  };
}

/** Maps a catalog entry to its row; "Known" ransomware use is true, "Unknown" (no confirmation) false. */
/** A catalog entry as a row: what the catalog says, without what the import adds (`changedAt`). */
export type CatalogEntryRow = Omit<VulnerabilityRow, 'changedAt'>;

export function toVulnerabilityRow(entry: KevEntry): CatalogEntryRow {
  return {
    cveId: entry.cveID,
    vendorProject: entry.vendorProject,
    product: entry.product,
    name: entry.vulnerabilityName,
    dateAdded: entry.dateAdded,
    shortDescription: entry.shortDescription,
    requiredAction: entry.requiredAction,
    dueDate: entry.dueDate,
    knownRansomwareCampaignUse: entry.knownRansomwareCampaignUse === 'Known',
    notes: entry.notes ?? '',
    cwes: entry.cwes ?? [],
  };
}

/** True when a stored row already says everything the catalog entry says. */
export function sameVulnerability(a: CatalogEntryRow, b: CatalogEntryRow): boolean {
  return (
    a.vendorProject === b.vendorProject &&
    a.product === b.product &&
    a.name === b.name &&
    a.dateAdded === b.dateAdded &&
    a.shortDescription === b.shortDescription &&
    a.requiredAction === b.requiredAction &&
    a.dueDate === b.dueDate &&
    a.knownRansomwareCampaignUse === b.knownRansomwareCampaignUse &&
    a.notes === b.notes &&
    a.cwes.length === b.cwes.length &&
    a.cwes.every((cwe, i) => cwe === b.cwes[i])
  );
}
