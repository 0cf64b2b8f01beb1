import type { ProductExport } from '../exports/product-export';
import { buildProductTree } from './csaf.product-tree';
import { csafDistribution, TLP_URL } from './csaf.tlp';
import { csafTracking } from './csaf.tracking';
import type { CsafNote, CsafReference } from './csaf.types';
import { csafVulnerability } from './csaf.vulnerabilities';

/** A CSAF 2.0 document (https://docs.oasis-open.org/csaf/csaf/v2.0/), as plain JSON data. */
export type CsafDocument = Record<string, unknown> & { document: Record<string, unknown> };

const KEV_CATALOG_URL = 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog';
const nvdUrl = (cve: string) => `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(cve)}`;

// Any US agency with `threat-products:write` may author a product (its `agency` claim becomes
// authorAgency), so every agency gets a publisher: its own site where we know it, else usa.gov with
// the agency's code, which is still a valid, stable publisher entry.
const PUBLISHERS: Record<string, { name: string; namespace: string }> = {
  CISA: { name: 'Cybersecurity and Infrastructure Security Agency', namespace: 'https://www.cisa.gov' },
  DHS: { name: 'Department of Homeland Security', namespace: 'https://www.dhs.gov' },
  STATE: { name: 'Department of State', namespace: 'https://www.state.gov' },
};

function publisher(authorAgency: string) {
  const known = PUBLISHERS[authorAgency] ?? { name: authorAgency, namespace: 'https://www.usa.gov' };
  return { category: 'coordinator' as const, ...known };
}

function documentNotes({ product, sectors, countries, vulnerabilities }: ProductExport): CsafNote[] {
  const notes: CsafNote[] = [{ category: 'summary', title: 'Summary', text: product.summary }];
  if (product.status === 'WITHDRAWN') {
    const when = product.withdrawnAt ? ` on ${product.withdrawnAt.toISOString().slice(0, 10)}` : '';
    notes.push({ category: 'general', title: 'Withdrawn', text: `This product was withdrawn${when} and should no longer be acted on.` });
  }
  // Codes, not names: the sector (DHS) and country (State) names live in other subgraphs.
  if (sectors.length > 0) notes.push({ category: 'general', title: 'Sectors concerned', text: sectors.join(', ') });
  if (countries.length > 0) {
    notes.push({ category: 'general', title: 'Countries concerned (ISO 3166-1 alpha-2)', text: countries.join(', ') });
  }
  // With vulnerabilities the actions travel as remediations; without, this note is their only place.
  if (vulnerabilities.length === 0 && product.recommendedActions.length > 0) {
    notes.push({ category: 'general', title: 'Recommended actions', text: product.recommendedActions.map((a) => `- ${a}`).join('\n') });
  }
  return notes;
}

// Only pages that exist: NVD's entry per CVE, the KEV catalog and the TLP definitions. The product's
// own tracking id is not given a cisa.gov URL, since nothing is published there under it.
function documentReferences(cves: string[]): CsafReference[] {
  const references: CsafReference[] = cves.map((cve) => ({ category: 'external', summary: `NVD entry for ${cve}`, url: nvdUrl(cve) }));
  if (cves.length > 0) {
    references.push({ category: 'external', summary: 'CISA Known Exploited Vulnerabilities Catalog', url: KEV_CATALOG_URL });
  }
  references.push({ category: 'external', summary: 'FIRST Traffic Light Protocol (TLP) definitions', url: TLP_URL });
  return references;
}

// Keys in alphabetical order at every level, as recommended test 6.2.13 asks (it makes documents
// diff well); arrays keep their order. Plain code-unit order, so the output does not depend on the
// locale; CSAF's keys are lowercase ASCII and "_", where it agrees with the validator's collation.
function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)])) as T;
}

/**
 * The CSAF 2.0 document of a threat product: a security advisory when it covers KEV vulnerabilities
 * (profile 4.5: product tree and vulnerabilities), otherwise an informational advisory (profile 4.2:
 * no vulnerabilities, an external reference). Pure: the same input always gives the same JSON.
 */
export function toCsafDocument(input: ProductExport): CsafDocument {
  const { product, vulnerabilities } = input;
  const cves = vulnerabilities.map((v) => v.cveId);
  const document = {
    category: vulnerabilities.length > 0 ? 'csaf_security_advisory' : 'csaf_informational_advisory',
    csaf_version: '2.0',
    distribution: csafDistribution(product.tlp),
    lang: 'en-US',
    notes: documentNotes(input),
    publisher: publisher(product.authorAgency),
    references: documentReferences(cves),
    title: product.title,
    tracking: csafTracking(input),
  };
  if (vulnerabilities.length === 0) return sortKeys({ document });

  const tree = buildProductTree(vulnerabilities);
  return sortKeys({
    document,
    product_tree: tree.tree,
    vulnerabilities: vulnerabilities.map((v) => csafVulnerability(v, tree.productIdOf(v), product.recommendedActions)),
  });
}
