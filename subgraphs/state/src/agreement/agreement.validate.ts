import { randomBytes } from 'node:crypto';
import { Validator, type SubgraphContext } from '@iag/kit';
import { inArray } from '@iag/kit/orm';
import { organizations, type StateSchema } from '../db/schema';
import type { RecordAgreementInput, UpdateAgreementInput } from './agreement.input';
import type { AgreementRow } from './agreement.loader';

type Ctx = SubgraphContext<StateSchema>;

const AGENCY = /^[A-Z][A-Z0-9_-]{1,31}$/;
const MAX_PARTIES = 100;
const MAX_ENGAGEMENTS = 100;

/** What an input writes: column values (only those given) and the lists to replace, if given. */
export interface AgreementChanges {
  values: Partial<Omit<AgreementRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;
  parties?: string[];
  engagementIds?: string[];
}

const unique = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()))];

async function existingOrganizations(ctx: Ctx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ctx.db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

/**
 * Checks every field of a record (no `current`) or an update (`current` = the row as it is) and
 * throws all problems at once; returns what to write. Date order is checked on the dates as they
 * would be after the update.
 */
export async function validateAgreement(
  ctx: Ctx,
  input: RecordAgreementInput | UpdateAgreementInput,
  current?: AgreementRow,
): Promise<AgreementChanges> {
  const creating = !current;
  const parties = input.parties ? unique(input.parties) : input.parties;
  const usAgencies = input.usAgencies ? unique(input.usAgencies) : input.usAgencies;
  const engagementIds = input.engagementIds ? unique(input.engagementIds) : input.engagementIds;
  const known = await existingOrganizations(ctx, (parties ?? []).slice(0, MAX_PARTIES));

  const v = new Validator()
    .text('input.title', input.title, { max: 300, required: creating || input.title !== undefined })
    .text('input.summary', input.summary, { min: 0, max: 4000, required: false });
  for (const field of ['kind', 'status', 'maxTlp'] as const) {
    if (input[field] === null || (creating && !input[field])) v.add(`input.${field}`, 'is required');
  }
  if (usAgencies === null || (usAgencies && (usAgencies.length < 1 || usAgencies.length > 10))) {
    v.add('input.usAgencies', 'must list 1 to 10 US agencies');
  } else if (usAgencies?.some((a) => !AGENCY.test(a))) {
    v.add('input.usAgencies', 'each must be an agency code like CISA (A-Z, 0-9, _ or -; 2 to 32 characters)');
  }
  if (parties === null || (parties && (parties.length < 1 || parties.length > MAX_PARTIES))) {
    v.add('input.parties', `must list 1 to ${MAX_PARTIES} organizations`);
  } else {
    v.knownIds('input.parties', parties, known);
  }
  if (engagementIds && (engagementIds.length > MAX_ENGAGEMENTS || engagementIds.some((e) => e.length < 1 || e.length > 100))) {
    v.add('input.engagementIds', `must list at most ${MAX_ENGAGEMENTS} ids of 1 to 100 characters`);
  }
  const pick = <K extends 'effectiveFrom' | 'expiresOn'>(k: K) => (input[k] === undefined ? current?.[k] : input[k]);
  v.dateOrder('input.expiresOn', pick('effectiveFrom'), pick('expiresOn'));
  v.done();

  const values: AgreementChanges['values'] = {};
  if (input.title != null) values.title = input.title.trim();
  if (input.kind) values.kind = input.kind;
  if (input.status) values.status = input.status;
  if (input.summary !== undefined) values.summary = input.summary?.trim() || null;
  if (usAgencies) values.usAgencies = usAgencies;
  if (input.signedOn !== undefined) values.signedOn = input.signedOn;
  if (input.effectiveFrom !== undefined) values.effectiveFrom = input.effectiveFrom;
  if (input.expiresOn !== undefined) values.expiresOn = input.expiresOn;
  if (input.maxTlp) values.maxTlp = input.maxTlp;
  return {
    values,
    parties: parties ?? undefined,
    // null clears the links, as an empty list would.
    engagementIds: engagementIds === null ? [] : engagementIds,
  };
}

/** A readable, unguessable id: `agr-us-nl-information-sharing-3b7e01`. */
export function newAgreementId(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `agr-${slug || 'agreement'}-${randomBytes(3).toString('hex')}`;
}
