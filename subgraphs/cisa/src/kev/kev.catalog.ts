import { BadUserInputError } from '@iag/kit';
import type { VulnerabilityRow } from '../vulnerability/vulnerability.loader';

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

const CVE_ID = /^CVE-[0-9]{4}-[0-9]{4,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED_TEXT = ['vendorProject', 'product', 'vulnerabilityName', 'shortDescription', 'requiredAction'] as const;

// A BadUserInputError rather than a plain Error: the catalog will also arrive through a mutation,
// where a plain error would be masked as "Unexpected error." and the caller never learn what is wrong.
function invalid(message: string): never {
  throw new BadUserInputError(`Invalid KEV catalog: ${message}`, 'catalog');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkEntry(entry: unknown, at: string): KevEntry {
  if (!isRecord(entry)) invalid(`${at} is not an object`);
  if (typeof entry.cveID !== 'string' || !CVE_ID.test(entry.cveID)) invalid(`${at}.cveID is not a CVE id`);
  for (const field of REQUIRED_TEXT) {
    if (typeof entry[field] !== 'string') invalid(`${at}.${field} must be a string`);
  }
  for (const field of ['dateAdded', 'dueDate'] as const) {
    const value = entry[field];
    if (typeof value !== 'string' || !DATE.test(value)) invalid(`${at}.${field} must be a date (YYYY-MM-DD)`);
  }
  for (const field of ['knownRansomwareCampaignUse', 'notes'] as const) {
    if (entry[field] !== undefined && typeof entry[field] !== 'string') invalid(`${at}.${field} must be a string`);
  }
  const cwes = entry.cwes;
  if (cwes !== undefined && !(Array.isArray(cwes) && cwes.every((cwe) => typeof cwe === 'string'))) {
    invalid(`${at}.cwes must be a list of strings`);
  }
  return entry as unknown as KevEntry;
}

/**
 * Checks a parsed catalog document against the parts of CISA's schema the import relies on. The
 * `count` must match the entries, which catches a truncated download before it is half-applied.
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
  if (!isRecord(document)) invalid('the document is not an object');
  if (!Array.isArray(document.vulnerabilities)) invalid('`vulnerabilities` is not a list');
  if (typeof document.count !== 'number') invalid('`count` is not a number');
  if (document.count !== document.vulnerabilities.length) {
    invalid(`\`count\` is ${document.count} but the catalog lists ${document.vulnerabilities.length} entries`);
  }
  const seen = new Set<string>();
  const entries = document.vulnerabilities.map((entry, i) => {
    const checked = checkEntry(entry, `vulnerabilities[${i}]`);
    // One upsert statement cannot touch the same row twice, so a duplicate would fail the whole batch.
    if (seen.has(checked.cveID)) invalid(`${checked.cveID} is listed twice`);
    seen.add(checked.cveID);
    return checked;
  });
  return {
    catalogVersion: String(document.catalogVersion ?? ''),
    dateReleased: String(document.dateReleased ?? ''),
    count: document.count,
    vulnerabilities: entries,
  };
}

/** Maps a catalog entry to its row; "Known" ransomware use is true, "Unknown" (no confirmation) false. */
export function toVulnerabilityRow(entry: KevEntry): VulnerabilityRow {
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
export function sameVulnerability(a: VulnerabilityRow, b: VulnerabilityRow): boolean {
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
