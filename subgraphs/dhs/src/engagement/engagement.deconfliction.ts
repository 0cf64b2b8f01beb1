import type { SubgraphContext } from '@iag/kit';
import { and, eq, exists, ne, sql } from '@iag/kit/orm';
import { alias } from '@iag/kit/pg-core';
import { engagementPartners, engagements, type DhsSchema } from '../db/schema';
import type { EngagementRow } from './engagement.loader';
import { engagementOrder } from './engagement.query';
import { visibleEngagements } from './engagement.visibility';

type Ctx = SubgraphContext<DhsSchema>;

/** The same expression as `engagements_period_idx`, so the overlap below can use that index. */
const period = (t: typeof engagements) => sql`daterange(${t.startsOn}, ${t.endsOn}, '[]')`;

/**
 * Deconfliction: the engagements, visible to the caller, that engagement `id` may clash with — led
 * by another agency, not cancelled, in the same country or sharing a partner organization, and
 * running on some common day (a null end runs on). One SQL statement, run after the change has
 * committed: it informs the caller and never blocks the write. A cancelled engagement clashes with
 * nothing.
 */
export async function overlappingEngagements(ctx: Ctx, id: string): Promise<EngagementRow[]> {
  const target = alias(engagements, 'target');
  const otherPartner = alias(engagementPartners, 'other_partner');
  const sharesPartner = ctx.db
    .select({ one: sql`1` })
    .from(engagementPartners)
    .innerJoin(otherPartner, eq(otherPartner.organizationId, engagementPartners.organizationId))
    .where(and(eq(engagementPartners.engagementId, engagements.id), eq(otherPartner.engagementId, target.id)));
  return ctx.db
    .select({ engagement: engagements })
    .from(engagements)
    .innerJoin(target, eq(target.id, id))
    .where(
      and(
        ne(engagements.id, target.id),
        ne(engagements.leadAgency, target.leadAgency),
        ne(engagements.status, 'CANCELLED'),
        ne(target.status, 'CANCELLED'),
        sql`${period(engagements)} && ${period(target as unknown as typeof engagements)}`,
        sql`(${eq(engagements.countryCode, target.countryCode)} or ${exists(sharesPartner)})`,
        visibleEngagements(ctx),
      ),
    )
    .orderBy(...engagementOrder)
    .then((rows) => rows.map((r) => r.engagement));
}
