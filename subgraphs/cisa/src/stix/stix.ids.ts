import { v5 } from 'uuid';

/**
 * The UUIDv5 namespace of every STIX id this subgraph derives (generated once, at random).
 *
 * It must never change: consumers (TAXII clients, TIPs) deduplicate and version objects by id, so a
 * new namespace would make every product, indicator and vulnerability we ever exported look like a
 * different object, and clients would keep both copies.
 */
export const STIX_ID_NAMESPACE = '9f0ad500-e4b6-42e4-97e4-fdfc58ca279e';

// The parts are joined with a character that cannot occur in product ids, CVE ids or indicator
// types, so ('a', 'b|c') and ('a|b', 'c') cannot name the same object.
const SEPARATOR = '\u001f';

/** `<type>--<uuidv5>` from the parts that identify the object: the same parts give the same id everywhere. */
export function stixId(type: string, ...parts: string[]): string {
  return `${type}--${v5([type, ...parts].join(SEPARATOR), STIX_ID_NAMESPACE)}`;
}

// The ids of the objects a product owns, in one place: the bundle builders and the collection's
// index of ids (stix-collection/stix-object-index.ts) must derive them identically.
export const reportId = (productId: string) => stixId('report', productId);
export const indicatorId = (productId: string, type: string, value: string) => stixId('indicator', productId, type, value);
export const courseOfActionId = (productId: string, action: string) => stixId('course-of-action', productId, action);
export const vulnerabilityId = (cveId: string) => stixId('vulnerability', cveId);
export const mitigatesId = (actionId: string, vulnerabilityStixId: string) => stixId('relationship', actionId, 'mitigates', vulnerabilityStixId);
export const locationId = (countryCode: string) => stixId('location', countryCode);
