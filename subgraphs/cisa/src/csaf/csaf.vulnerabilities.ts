import type { VulnerabilityRow } from '../vulnerability/vulnerability.loader';
import { CWE_NAMES } from './csaf.cwe-names';
import type { CsafReference, CsafRemediation, CsafVulnerability } from './csaf.types';

// KEV words its required action in a handful of set phrases: "Apply updates per vendor
// instructions" is a vendor fix, "Apply mitigations …" a mitigation, and an end-of-life product gets
// no fix. Anything else is read as a mitigation, the category that promises least.
function remediationCategory(requiredAction: string): CsafRemediation['category'] {
  if (/\b(apply updates|upgrade)\b/i.test(requiredAction)) return 'vendor_fix';
  if (/\b(mitigations?|remediations?)\b/i.test(requiredAction)) return 'mitigation';
  if (/end-of-life|end-of-service|\beol\b/i.test(requiredAction)) return 'no_fix_planned';
  return 'mitigation';
}

// The first of the entry's CWEs that CSAF can name. KEV also cites NVD placeholders (NVD-CWE-Other)
// and CWE categories, which are no weakness ids, so "first" skips those rather than dropping the CWE.
function csafCwe(cwes: string[]): CsafVulnerability['cwe'] {
  for (const cwe of cwes) {
    const match = /^CWE-(\d+)$/.exec(cwe);
    const name = match ? CWE_NAMES.get(Number(match[1])) : undefined;
    if (name) return { id: cwe, name };
  }
  return undefined;
}

// Only plain absolute http(s) URLs made of characters RFC 3986 allows: the schema checks the `uri`
// format, and KEV's notes are free text ("… please see: <url> ; <url> ; N/A").
const SAFE_URL = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

/** The vendor advisories and other links the KEV entry's notes list, in their order, once each. */
function kevReferences(notes: string): CsafReference[] {
  const urls = notes
    .split(/\s+/)
    .map((token) => token.replace(/[.,;]+$/, ''))
    .filter((token) => SAFE_URL.test(token));
  return [...new Set(urls)].map((url) => ({ category: 'external', summary: 'Listed in the KEV catalog entry', url }));
}

function exploitStatus(v: VulnerabilityRow): string {
  const ransomware = v.knownRansomwareCampaignUse ? ' Known to be used in ransomware campaigns.' : '';
  return `Known exploited (CISA KEV, added ${v.dateAdded}; due ${v.dueDate}).${ransomware}`;
}

/**
 * One CSAF vulnerability per KEV entry: the entry's product is known affected, KEV's required action
 * is its remediation and the product's own recommended actions follow as mitigations (they are
 * written for everything the product covers), and being in KEV is the exploit status.
 */
export function csafVulnerability(v: VulnerabilityRow, productId: string, recommendedActions: string[]): CsafVulnerability {
  const productIds = [productId];
  const cwe = csafCwe(v.cwes);
  const references = kevReferences(v.notes);
  return {
    cve: v.cveId,
    title: v.name,
    ...(cwe ? { cwe } : {}),
    notes: [{ category: 'description', title: 'KEV description', text: v.shortDescription }],
    ...(references.length > 0 ? { references } : {}),
    product_status: { known_affected: productIds },
    remediations: [
      { category: remediationCategory(v.requiredAction), details: v.requiredAction, product_ids: productIds },
      ...recommendedActions.map((details): CsafRemediation => ({ category: 'mitigation', details, product_ids: productIds })),
    ],
    threats: [
      {
        category: 'exploit_status',
        details: exploitStatus(v),
        // KEV gives a calendar date; midnight UTC is the date-time CSAF asks for.
        date: `${v.dateAdded}T00:00:00.000Z`,
        product_ids: productIds,
      },
    ],
  };
}
