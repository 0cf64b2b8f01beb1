import { Validator } from '@iag/kit';
import type { threatProducts } from '../db/schema';
import type { DraftThreatProductInput, ThreatProductChangeInput } from './product-draft.input';

const TRACKING_ID = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const AGENCY = /^[A-Z]{2,20}$/;
const REQUIRED_ON_CHANGE = ['kind', 'title', 'summary', 'tlp'] as const;

type ProductColumns = Partial<typeof threatProducts.$inferInsert>;

function checkList(v: Validator, field: string, list: readonly string[] | null | undefined, max: number, pattern?: RegExp) {
  if (!list) return;
  if (list.length > 500) v.add(field, 'must have at most 500 entries');
  list.forEach((value, i) => {
    v.text(`${field}[${i}]`, value, { max });
    if (pattern && value && !pattern.test(value)) v.add(`${field}[${i}]`, `must match ${pattern.source}`);
  });
}

/**
 * Checks a product's content (a new draft, or changes with `create` false) and throws every
 * problem at once as `<prefix>.<field>` errors. `changeNote` is checked here too when given.
 */
export function validateProductInput(
  input: DraftThreatProductInput | ThreatProductChangeInput,
  create: boolean,
  extra: { changeNote?: string } = {},
): void {
  const v = new Validator();
  if (create) {
    const { trackingId } = input as DraftThreatProductInput;
    v.text('input.trackingId', trackingId, { max: 40 });
    if (trackingId?.trim() && !TRACKING_ID.test(trackingId)) v.add('input.trackingId', 'must be upper-case letters, digits and dashes, e.g. AA25-142A');
  } else {
    for (const field of REQUIRED_ON_CHANGE) if (input[field] === null) v.add(`input.${field}`, 'cannot be cleared');
  }
  v.text('input.title', input.title, { max: 300, required: create });
  v.text('input.summary', input.summary, { max: 20000, required: create });
  checkList(v, 'input.audience.agencies', input.audience?.agencies, 20, AGENCY);
  checkList(v, 'input.audience.organizations', input.audience?.organizations, 100);
  checkList(v, 'input.audience.individuals', input.audience?.individuals, 200);
  checkList(v, 'input.recommendedActions', input.recommendedActions, 2000);
  (input.indicators ?? []).forEach((indicator, i) => {
    v.text(`input.indicators[${i}].type`, indicator.type, { max: 100 });
    v.text(`input.indicators[${i}].value`, indicator.value, { max: 2000 });
    v.text(`input.indicators[${i}].description`, indicator.description, { max: 2000, required: false });
  });
  checkList(v, 'input.countryCodes', input.countryCodes, 250, /^[A-Z]{2}$/);
  checkList(v, 'input.sectorCodes', input.sectorCodes, 16, /^[A-Z_]{3,60}$/);
  checkList(v, 'input.cveIds', input.cveIds, 200, /^CVE-\d{4}-\d{4,}$/);
  if (extra.changeNote !== undefined) v.text('changeNote', extra.changeNote, { max: 2000 });
  v.done();
}

/** The columns an input sets; left-out fields are absent, so they stay as they are. */
export function productColumns(input: DraftThreatProductInput | ThreatProductChangeInput): ProductColumns {
  const columns: ProductColumns = {};
  if (input.kind) columns.kind = input.kind;
  if (input.title) columns.title = input.title.trim();
  if (input.summary) columns.summary = input.summary.trim();
  if (input.tlp) columns.tlp = input.tlp;
  if (input.audience?.agencies) columns.audienceAgencies = [...new Set(input.audience.agencies)];
  if (input.audience?.organizations) columns.audienceOrganizations = [...new Set(input.audience.organizations)];
  if (input.audience?.individuals) columns.audienceIndividuals = [...new Set(input.audience.individuals)];
  if (input.recommendedActions) columns.recommendedActions = input.recommendedActions;
  if (input.indicators) {
    columns.indicators = input.indicators.map(({ type, value, description }) => ({ type, value, ...(description ? { description } : {}) }));
  }
  return columns;
}
