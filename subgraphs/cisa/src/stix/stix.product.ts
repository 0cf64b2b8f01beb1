import type { ThreatProductRow } from '../threat-product/threat-product.loader';
import type { VulnerabilityRow } from '../vulnerability/vulnerability.loader';
import type { StixObject } from './stix.bundle';
import { courseOfActionId, indicatorId, mitigatesId, reportId, vulnerabilityId } from './stix.ids';
import { indicatorPattern } from './stix.pattern';
import { agencyIdentityId, KEV_AGENCY } from './stix.shared';
import { tlpMarkingId } from './stix.tlp';

/** What every object a product owns shares: its dates, author, marking and revocation. */
export interface ProductCommon {
  created: string;
  modified: string;
  created_by_ref: string;
  object_marking_refs: string[];
  revoked?: true;
}

export function productCommon(product: ThreatProductRow): ProductCommon {
  const created = product.createdAt.toISOString();
  // STIX requires modified >= created; a row edited by hand could say otherwise.
  const modified = product.updatedAt < product.createdAt ? created : product.updatedAt.toISOString();
  return {
    created,
    modified,
    created_by_ref: agencyIdentityId(product.authorAgency),
    object_marking_refs: [tlpMarkingId(product.tlp)],
    // A withdrawn product's content should no longer be acted on; STIX says so with `revoked`.
    ...(product.status === 'WITHDRAWN' ? { revoked: true as const } : {}),
  };
}

export function indicatorObjects(product: ThreatProductRow, common: ProductCommon): StixObject[] {
  const validFrom = (product.publishedAt ?? product.createdAt).toISOString();
  return product.indicators.flatMap(({ type, value, description }) => {
    const pattern = indicatorPattern(type, value);
    if (pattern === null) return [];
    return [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: indicatorId(product.id, type, value),
        ...common,
        name: description ?? value,
        indicator_types: ['malicious-activity'],
        pattern,
        pattern_type: 'stix',
        valid_from: validFrom,
      },
    ];
  });
}

const TITLE_LENGTH = 80;

/** A readable title for an action: its first sentence, cut at a word to at most 80 characters. */
export function actionTitle(action: string): string {
  const text = action.trim();
  const sentence = (/^(.+?)[.!?](\s|$)/.exec(text)?.[1] ?? text).trim();
  if (sentence.length <= TITLE_LENGTH) return sentence;
  const cut = sentence.slice(0, TITLE_LENGTH - 1);
  const atWord = cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.replace(/[\s,;:]+$/, '')}…`;
}

export function courseOfActionObjects(product: ThreatProductRow, common: ProductCommon): StixObject[] {
  return product.recommendedActions.map((action) => ({
    type: 'course-of-action',
    spec_version: '2.1',
    id: courseOfActionId(product.id, action),
    ...common,
    name: actionTitle(action),
    description: action,
  }));
}

/**
 * A KEV entry: public catalog data, the same object whichever product covers it. Created when the
 * catalog listed it; modified when an import last changed it, so a new description is a new version.
 */
export function vulnerabilityObject(row: VulnerabilityRow): StixObject {
  const date = `${row.dateAdded}T00:00:00.000Z`;
  const changed = row.changedAt?.toISOString();
  return {
    type: 'vulnerability',
    spec_version: '2.1',
    id: vulnerabilityId(row.cveId),
    created: date,
    modified: changed && changed > date ? changed : date,
    created_by_ref: agencyIdentityId(KEV_AGENCY),
    name: row.cveId,
    description: row.shortDescription,
    external_references: [{ source_name: 'cve', external_id: row.cveId }],
    object_marking_refs: [tlpMarkingId('CLEAR')],
  };
}

/** `mitigates` from every course of action to every vulnerability of the product. */
export function mitigationObjects(actions: StixObject[], vulnerabilities: StixObject[], common: ProductCommon): StixObject[] {
  return actions.flatMap((action) =>
    vulnerabilities.map((vulnerability) => ({
      type: 'relationship',
      spec_version: '2.1',
      id: mitigatesId(action.id, vulnerability.id),
      ...common,
      relationship_type: 'mitigates',
      source_ref: action.id,
      target_ref: vulnerability.id,
    })),
  );
}

/**
 * The ids of the objects a product owns in its bundle (report, indicators, courses of action and
 * their `mitigates`), from the product and the CVEs of the catalog it cites, without building it.
 */
export function ownedObjectIds(product: Pick<ThreatProductRow, 'id' | 'indicators' | 'recommendedActions'>, catalogCveIds: string[]): string[] {
  const actions = product.recommendedActions.map((action) => courseOfActionId(product.id, action));
  const vulnerabilities = catalogCveIds.map(vulnerabilityId);
  return [
    ...new Set([
      reportId(product.id),
      ...product.indicators.filter(({ type, value }) => indicatorPattern(type, value) !== null).map(({ type, value }) => indicatorId(product.id, type, value)),
      ...actions,
      ...actions.flatMap((action) => vulnerabilities.map((vulnerability) => mitigatesId(action, vulnerability))),
    ]),
  ];
}
