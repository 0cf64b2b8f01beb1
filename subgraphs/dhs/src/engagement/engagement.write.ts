import type { Tx } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { engagementPartners, engagements, engagementSectors } from '../db/schema';
import type { CreateEngagementInput, UpdateEngagementInput } from './engagement.input';

/** The statements behind the engagement mutations; each runs inside the mutation's transaction. */

const unique = (values: readonly string[]) => [...new Set(values)];

export async function insertEngagement(tx: Tx, id: string, input: CreateEngagementInput): Promise<void> {
  await tx.insert(engagements).values({
    id,
    title: input.title.trim(),
    kind: input.kind,
    leadAgency: input.leadAgency,
    participatingAgencies: unique(input.participatingAgencies ?? []),
    countryCode: input.country ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    status: input.status,
    strategicGoal: input.strategicGoal,
    summary: input.summary ?? null,
  });
  await replacePartners(tx, id, input.partnerOrganizationIds ?? []);
  await replaceSectors(tx, id, input.sectorCodes ?? []);
}

/** The column changes an update asks for: absent fields are left out, nulls clear nullable columns. */
export function updateSet(input: UpdateEngagementInput): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (input.title != null) set.title = input.title.trim();
  if (input.kind != null) set.kind = input.kind;
  if (input.leadAgency != null) set.leadAgency = input.leadAgency;
  if (input.participatingAgencies != null) set.participatingAgencies = unique(input.participatingAgencies);
  if (input.country !== undefined) set.countryCode = input.country;
  if (input.startsOn != null) set.startsOn = input.startsOn;
  if (input.endsOn !== undefined) set.endsOn = input.endsOn;
  if (input.status != null) set.status = input.status;
  if (input.strategicGoal != null) set.strategicGoal = input.strategicGoal;
  if (input.summary !== undefined) set.summary = input.summary;
  return set;
}

/** Replaces the engagement's partner organizations with `organizationIds`. */
export async function replacePartners(tx: Tx, id: string, organizationIds: readonly string[]): Promise<void> {
  await tx.delete(engagementPartners).where(eq(engagementPartners.engagementId, id));
  const rows = unique(organizationIds).map((organizationId) => ({ engagementId: id, organizationId }));
  if (rows.length) await tx.insert(engagementPartners).values(rows);
}

/** Replaces the sectors the engagement concerns with `sectorCodes`. */
export async function replaceSectors(tx: Tx, id: string, sectorCodes: readonly string[]): Promise<void> {
  await tx.delete(engagementSectors).where(eq(engagementSectors.engagementId, id));
  const rows = unique(sectorCodes).map((sectorCode) => ({ engagementId: id, sectorCode }));
  if (rows.length) await tx.insert(engagementSectors).values(rows);
}

/** Locks the row for the rest of the transaction and returns what a cancel needs to check. */
export async function lockForCancel(tx: Tx, id: string) {
  const [row] = await tx
    .select({ status: engagements.status, summary: engagements.summary })
    .from(engagements)
    .where(eq(engagements.id, id))
    .for('update');
  return row;
}
