import type { ProductExport } from '../exports/product-export';
import type { StixObject } from './stix.bundle';
import { reportId } from './stix.ids';
import type { ProductCommon } from './stix.product';

/** report_types (STIX open vocabulary report-type-ov) of a product: what it is mainly about. */
export function reportTypes({ product, vulnerabilities }: ProductExport): string[] {
  switch (product.kind) {
    case 'INDICATOR_BUNDLE':
      return ['indicator'];
    case 'ADVISORY':
    case 'ICS_ADVISORY':
      return vulnerabilities.length > 0 ? ['threat-report', 'vulnerability'] : ['threat-report'];
    default:
      return ['threat-report'];
  }
}

/** `COMMUNICATIONS` -> `sector:communications`, `INFORMATION_TECHNOLOGY` -> `sector:information-technology`. */
export function sectorLabel(code: string): string {
  return `sector:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function reportObject(input: ProductExport, common: ProductCommon, objectRefs: string[]): StixObject {
  const { product } = input;
  const draft = product.status === 'DRAFT';
  // A draft was never published; STIX requires `published`, so it gets the time of its last edit
  // and a "draft" label that says what that date means.
  const published = (draft ? common.modified : product.publishedAt?.toISOString()) ?? common.modified;
  const labels = [...(draft ? ['draft'] : []), ...input.sectors.map(sectorLabel)];
  return {
    type: 'report',
    spec_version: '2.1',
    id: reportId(product.id),
    ...common,
    name: product.title,
    description: product.summary,
    report_types: reportTypes(input),
    published,
    object_refs: objectRefs,
    external_references: [{ source_name: 'cisa', external_id: product.trackingId }],
    // STIX forbids an empty labels list, so the property is left out when there is nothing to say.
    ...(labels.length > 0 ? { labels } : {}),
  };
}
