import { Validator, type SubgraphContext } from '@iag/kit';
import { inArray } from '@iag/kit/orm';
import { sectors, type DhsSchema } from '../db/schema';
import type { CreateEngagementInput, UpdateEngagementInput } from './engagement.input';
import type { EngagementRow } from './engagement.loader';

type Ctx = SubgraphContext<DhsSchema>;

/** A US agency code, e.g. "CISA", "DOE", "TREASURY". */
const AGENCY = /^[A-Z][A-Z0-9_-]{1,31}$/;
/**
 * A State `Organization` id. Organizations live in the State subgraph, so this subgraph can check
 * only an id's format, not that the organization exists (that would take a cross-subgraph call).
 */
const ORGANIZATION_ID = /^[a-z0-9][a-z0-9._:-]{0,127}$/;

const MAX_PARTICIPATING = 20;
const MAX_PARTNERS = 50;
const MAX_SECTORS = 16;

type Fields = Partial<CreateEngagementInput> | UpdateEngagementInput;

/** The sector codes among `codes` that exist, in one query (none when no codes are given). */
async function knownSectors(ctx: Ctx, codes: readonly string[] | null | undefined): Promise<Set<string>> {
  if (!codes?.length) return new Set();
  const rows = await ctx.db.select({ code: sectors.code }).from(sectors).where(inArray(sectors.code, [...codes]));
  return new Set(rows.map((r) => r.code));
}

function codeList(v: Validator, field: string, values: readonly string[] | null | undefined, max: number, pattern: RegExp) {
  if (!values) return;
  if (values.length > max) {
    v.add(field, `must have at most ${max} entries`);
    return;
  }
  const bad = values.filter((value) => !pattern.test(value));
  if (bad.length) v.add(field, `badly formed: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
}

/** Checks every field that needs nothing but the input itself and the sector table. */
function checkFields(v: Validator, input: Fields, known: ReadonlySet<string>, required: boolean) {
  v.text('input.title', input.title, { min: 1, max: 300, required });
  if (input.leadAgency === null || (required && input.leadAgency === undefined)) v.add('input.leadAgency', 'is required');
  else if (input.leadAgency !== undefined && !AGENCY.test(input.leadAgency)) {
    v.add('input.leadAgency', 'must be an agency code such as "CISA"');
  }
  codeList(v, 'input.participatingAgencies', input.participatingAgencies, MAX_PARTICIPATING, AGENCY);
  codeList(v, 'input.partnerOrganizationIds', input.partnerOrganizationIds, MAX_PARTNERS, ORGANIZATION_ID);
  // Countries are State's data: only the format can be checked here.
  v.countryCode('input.country', input.country);
  v.int('input.strategicGoal', input.strategicGoal, 1, 3);
  if (input.sectorCodes && input.sectorCodes.length > MAX_SECTORS) {
    v.add('input.sectorCodes', `must have at most ${MAX_SECTORS} entries`);
  } else {
    v.knownIds('input.sectorCodes', input.sectorCodes, known);
  }
  v.text('input.summary', input.summary, { min: 0, max: 4000, required: false });
  // Lists and non-null columns: an explicit null in an update cannot clear them.
  for (const field of ['kind', 'startsOn', 'status', 'strategicGoal', 'participatingAgencies', 'partnerOrganizationIds', 'sectorCodes'] as const) {
    if (input[field] === null) v.add(`input.${field}`, 'must not be null');
  }
}

/** Throws every problem with a new engagement at once (one BAD_USER_INPUT per field). */
export async function validateCreate(ctx: Ctx, input: CreateEngagementInput): Promise<void> {
  const v = new Validator();
  checkFields(v, input, await knownSectors(ctx, input.sectorCodes), true);
  v.dateOrder('input.endsOn', input.startsOn, input.endsOn);
  v.done();
}

/**
 * Throws every problem with a change to `current` at once. The end date is checked against the
 * start the engagement will have after the change, whichever of the two the input moves.
 */
export async function validateUpdate(ctx: Ctx, current: EngagementRow, input: UpdateEngagementInput): Promise<void> {
  const v = new Validator();
  checkFields(v, input, await knownSectors(ctx, input.sectorCodes), false);
  const start = input.startsOn ?? current.startsOn;
  const end = input.endsOn !== undefined ? input.endsOn : current.endsOn;
  if (input.endsOn !== undefined) v.dateOrder('input.endsOn', start, end);
  else if (end && start > end) v.add('input.startsOn', 'must not be after the end');
  v.done();
}

/** Cancelling: a completed engagement stays completed; the reason is optional free text. */
export function validateCancel(current: EngagementRow, reason: string | null | undefined): void {
  const v = new Validator();
  if (current.status === 'COMPLETED') v.add('id', 'a completed engagement cannot be cancelled');
  v.text('reason', reason, { min: 1, max: 1000, required: false });
  v.done();
}
