import type { ProductExport } from '../exports/product-export';
import { stixId } from './stix.ids';
import { courseOfActionObjects, indicatorObjects, mitigationObjects, productCommon, vulnerabilityObject } from './stix.product';
import { reportObject } from './stix.report';
import { agencyIdentity, countryLocation, KEV_AGENCY } from './stix.shared';
import { TLP_MARKING_DEFINITIONS, type TlpLevel } from './stix.tlp';

export interface StixObject {
  type: string;
  id: string;
  spec_version: '2.1';
  [property: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

// Markings first, then who wrote it, then the report, then everything else by id: a fixed order,
// so the same product always serialises to the same bytes (and diffs between exports stay small).
const RANK: Record<string, number> = { 'marking-definition': 0, identity: 1, report: 2 };
const rank = (o: StixObject) => RANK[o.type] ?? 3;
const byRankThenId = (a: StixObject, b: StixObject) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One object per id: a product listing the same indicator or action twice still yields one object. */
function uniqueById(objects: StixObject[]): StixObject[] {
  return [...new Map(objects.map((o) => [o.id, o] as const)).values()];
}

/** The markings that objects refer to, as the official TLP 2.0 definitions. */
function markingsUsed(objects: StixObject[]): StixObject[] {
  const used = new Set(objects.flatMap((o) => (Array.isArray(o.object_marking_refs) ? o.object_marking_refs : [])));
  return (Object.keys(TLP_MARKING_DEFINITIONS) as TlpLevel[])
    .map((level) => TLP_MARKING_DEFINITIONS[level])
    .filter((marking) => used.has(marking.id));
}

/**
 * A threat product as a STIX 2.1 bundle: a report that refers to its indicators, courses of action,
 * KEV vulnerabilities, countries and author, with the TLP 2.0 markings they use. Pure: the same
 * export gives the same JSON, and every id is derived (UUIDv5) from what the object is, so objects
 * keep their ids across exports and products share the vulnerabilities, countries and agencies.
 */
export function toStixBundle(input: ProductExport): StixBundle {
  const { product } = input;
  const common = productCommon(product);
  const vulnerabilities = input.vulnerabilities.map(vulnerabilityObject);
  const actions = courseOfActionObjects(product, common);
  const agencies = new Set([product.authorAgency, ...(vulnerabilities.length > 0 ? [KEV_AGENCY] : [])]);
  const referenced = uniqueById([
    ...[...agencies].map(agencyIdentity),
    ...indicatorObjects(product, common),
    ...actions,
    ...vulnerabilities,
    ...mitigationObjects(actions, vulnerabilities, common),
    ...input.countries.map(countryLocation),
  ]);
  const objectRefs = referenced.map((o) => o.id).sort();
  const report = reportObject(input, common, objectRefs);
  const objects = [...markingsUsed([report, ...referenced]), report, ...referenced].sort(byRankThenId);
  return { type: 'bundle', id: stixId('bundle', product.id, String(product.version)), objects };
}
