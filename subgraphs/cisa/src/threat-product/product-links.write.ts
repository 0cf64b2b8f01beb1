import { InputErrors, type Tx } from '@iag/kit';
import { eq, inArray } from '@iag/kit/orm';
import { threatProductCountries, threatProductSectors, threatProductVulnerabilities, vulnerabilities } from '../db/schema';
import type { DraftThreatProductInput, ThreatProductChangeInput } from './product-draft.input';

/**
 * Replaces the countries, sectors and KEV entries a product concerns, for each list the input
 * gives (left out: unchanged). Countries and sectors belong to other agencies, so only their form
 * was checked; CVE ids must be in our catalog, checked here inside the transaction, which an
 * unknown id rolls back.
 */
export async function replaceProductLinks(tx: Tx, productId: string, input: DraftThreatProductInput | ThreatProductChangeInput) {
  if (input.cveIds) {
    const wanted = [...new Set(input.cveIds)];
    const known = wanted.length
      ? new Set((await tx.select({ id: vulnerabilities.cveId }).from(vulnerabilities).where(inArray(vulnerabilities.cveId, wanted))).map((r) => r.id))
      : new Set<string>();
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length) throw new InputErrors([{ field: 'input.cveIds', message: `not in the KEV catalog: ${unknown.join(', ')}` }]);
  }
  const lists = [
    [threatProductCountries, input.countryCodes],
    [threatProductSectors, input.sectorCodes],
    [threatProductVulnerabilities, input.cveIds],
  ] as const;
  for (const [table, keys] of lists) {
    if (!keys) continue;
    await tx.delete(table).where(eq(table.productId, productId));
    const rows = [...new Set(keys)].map((key) => ({ productId, key }));
    if (rows.length) await tx.insert(table).values(rows);
  }
}
