import type { ThreatProductRevisionRow, ThreatProductRow } from '../threat-product/threat-product.loader';
import type { VulnerabilityRow } from '../vulnerability/vulnerability.loader';

/**
 * Everything the standard exports (STIX 2.1 bundles, CSAF 2.0 documents) say about one threat
 * product, gathered once by `gatherProductExport` so that each format is a pure function of it.
 */
export interface ProductExport {
  product: ThreatProductRow;
  /** Every revision, oldest first. */
  revisions: ThreatProductRevisionRow[];
  /** The KEV entries the product covers that are in the catalog, ordered by CVE id. */
  vulnerabilities: VulnerabilityRow[];
  /** DHS sector codes it concerns, sorted. */
  sectors: string[];
  /** ISO 3166-1 alpha-2 codes of the countries it concerns, sorted. */
  countries: string[];
}
