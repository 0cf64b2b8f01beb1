import { randomBytes } from 'node:crypto';
import { Validator, type SubgraphContext } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { countries, type StateSchema } from '../db/schema';
import type { CreateOrganizationInput, UpdateOrganizationInput } from './organization.input';
import type { OrganizationRow } from './organization.loader';
import { OrganizationKind } from './organization.type';

type Ctx = SubgraphContext<StateSchema>;
type OrganizationInput = CreateOrganizationInput | UpdateOrganizationInput;

/** The column values an input sets: only the fields it gives (undefined = leave as is). */
export type OrganizationValues = Partial<Omit<OrganizationRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

/**
 * Country codes are accepted in any case and stored upper-case ('nl' becomes 'NL'), as the
 * `organizations(country:)` filter already reads them; surrounding spaces are dropped too.
 */
export const normaliseCountry = (code: string | null | undefined) =>
  typeof code === 'string' ? code.trim().toUpperCase() : code;

const trimmed = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : value);

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

async function countryExists(ctx: Ctx, code: string | null | undefined): Promise<boolean> {
  if (!code || !/^[A-Z]{2}$/.test(code)) return false;
  const rows = await ctx.db.select({ code: countries.code }).from(countries).where(eq(countries.code, code));
  return rows.length > 0;
}

/**
 * Checks every field of a create (no `current`) or an update (`current` = the row as it is) and
 * throws all problems at once; returns the values to write. Required-ness on update follows the
 * row as it would be after the update (e.g. clearing the country of a national CSIRT is refused).
 */
export async function validateOrganization(
  ctx: Ctx,
  input: OrganizationInput,
  current?: OrganizationRow,
): Promise<OrganizationValues> {
  const creating = !current;
  const country = normaliseCountry(input.country);
  const known = await countryExists(ctx, country);
  const kind = input.kind ?? current?.kind;
  const finalCountry = input.country === undefined ? current?.countryCode : country;

  const v = new Validator()
    .text('input.name', input.name, { max: 200, required: creating || input.name !== undefined })
    .text('input.acronym', input.acronym, { max: 40, required: false })
    .text('input.website', input.website, { max: 300, required: false })
    .text('input.description', input.description, { min: 0, max: 2000, required: false })
    .countryCode('input.country', country, () => known);
  if (input.kind === null || (creating && !input.kind)) v.add('input.kind', 'is required');
  if (finalCountry == null && kind !== OrganizationKind.MULTILATERAL_BODY && (creating || input.country !== undefined || input.kind)) {
    v.add('input.country', 'is required unless kind is MULTILATERAL_BODY');
  }
  if (input.website && input.website.length <= 300 && !isHttpsUrl(input.website.trim())) {
    v.add('input.website', 'must be an https URL');
  }
  v.done();

  const values: OrganizationValues = {};
  if (input.name !== undefined) values.name = trimmed(input.name)!;
  if (input.acronym !== undefined) values.acronym = trimmed(input.acronym) ?? null;
  if (input.kind) values.kind = input.kind;
  if (input.country !== undefined) values.countryCode = country ?? null;
  if (input.website !== undefined) values.website = trimmed(input.website) ?? null;
  if (input.description !== undefined) values.description = trimmed(input.description) || null;
  return values;
}

/** A readable, unguessable id: `nl-ncsc-4f2a9c` from country NL and acronym NCSC. */
export function newOrganizationId(values: OrganizationValues): string {
  const base = `${values.countryCode ?? 'intl'} ${values.acronym ?? values.name ?? 'organization'}`;
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${slug || 'org'}-${randomBytes(3).toString('hex')}`;
}
