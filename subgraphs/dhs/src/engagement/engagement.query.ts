import { BadUserInputError, toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, arrayContains, asc, count, desc, eq, exists, or, sql, type SQL } from '@iag/kit/orm';
import { engagementPartners, engagements, engagementSectors, type DhsSchema } from '../db/schema';
import type { EngagementsArgs } from './engagement.args';
import { visibleEngagements } from './engagement.visibility';

type Ctx = SubgraphContext<DhsSchema>;

/** The one order of every engagement list: latest start first, id to break ties. */
export const engagementOrder = [desc(engagements.startsOn), asc(engagements.id)];

/**
 * Engagements running on any day of [from, to], both included; an open bound (or an engagement with
 * no end) runs on. Written as a range overlap so that `engagements_period_idx` serves it: the left
 * side must stay the index's expression.
 */
export function overlapsWindow(from?: string | null, to?: string | null): SQL {
  const period = sql`daterange(${engagements.startsOn}, ${engagements.endsOn}, '[]')`;
  return sql`${period} && daterange(${from ?? null}::date, ${to ?? null}::date, '[]')`;
}

/** Checks the filter arguments and turns them into one condition (visibility not included). */
export function engagementFilter(ctx: Ctx, args: EngagementsArgs): SQL | undefined {
  if (args.from && args.to && args.to < args.from) {
    throw new BadUserInputError('`to` must not be before `from`', 'to');
  }
  if (args.strategicGoal != null && ![1, 2, 3].includes(args.strategicGoal)) {
    throw new BadUserInputError('`strategicGoal` must be 1, 2 or 3', 'strategicGoal');
  }
  const filters: (SQL | undefined)[] = [];
  if (args.country) filters.push(eq(engagements.countryCode, args.country.toUpperCase()));
  if (args.agency) {
    const agency = args.agency.toUpperCase();
    filters.push(or(eq(engagements.leadAgency, agency), arrayContains(engagements.participatingAgencies, [agency])));
  }
  if (args.status) filters.push(eq(engagements.status, args.status));
  if (args.kind) filters.push(eq(engagements.kind, args.kind));
  if (args.strategicGoal != null) filters.push(eq(engagements.strategicGoal, args.strategicGoal));
  if (args.organization) {
    const partner = ctx.db
      .select({ one: sql`1` })
      .from(engagementPartners)
      .where(
        and(
          eq(engagementPartners.engagementId, engagements.id),
          eq(engagementPartners.organizationId, args.organization),
        ),
      );
    filters.push(exists(partner));
  }
  if (args.sector) {
    const concerns = ctx.db
      .select({ one: sql`1` })
      .from(engagementSectors)
      .where(and(eq(engagementSectors.engagementId, engagements.id), eq(engagementSectors.sectorCode, args.sector)));
    filters.push(exists(concerns));
  }
  if (args.from || args.to) filters.push(overlapsWindow(args.from, args.to));
  return and(...filters);
}

/** The filtered list behind the root `engagements` field. */
export async function listEngagements(ctx: Ctx, args: EngagementsArgs) {
  const page = toPage(args);
  const where = and(visibleEngagements(ctx), engagementFilter(ctx, args));
  const rows = await ctx.db
    .select()
    .from(engagements)
    .where(where)
    .orderBy(...engagementOrder)
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(engagements).where(where);
    return total;
  });
}
