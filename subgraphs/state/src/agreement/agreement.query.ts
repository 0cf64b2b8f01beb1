import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, eq, exists, gte, isNull, lte, or, type SQL } from '@iag/kit/orm';
import { agreementParties, agreements, organizations, type StateSchema } from '../db/schema';
import type { AgreementsArgs } from './agreement.args';
import { visibleAgreements } from './agreement.visibility';

type Ctx = SubgraphContext<StateSchema>;

export async function listAgreements(ctx: Ctx, args: AgreementsArgs) {
  const page = toPage(args);
  // Visibility first: `totalCount` below counts only what the caller may see.
  const filters: (SQL | undefined)[] = [visibleAgreements(ctx)];
  if (args.status) filters.push(eq(agreements.status, args.status));
  if (args.kind) filters.push(eq(agreements.kind, args.kind));
  if (args.activeOn) {
    filters.push(lte(agreements.effectiveFrom, args.activeOn));
    filters.push(or(isNull(agreements.expiresOn), gte(agreements.expiresOn, args.activeOn)));
  }
  if (args.organization || args.country) {
    const party = ctx.db
      .select({ one: agreementParties.agreementId })
      .from(agreementParties)
      .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
      .where(
        and(
          eq(agreementParties.agreementId, agreements.id),
          args.organization ? eq(agreementParties.organizationId, args.organization) : undefined,
          args.country ? eq(organizations.countryCode, args.country.toUpperCase()) : undefined,
        ),
      );
    filters.push(exists(party));
  }
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(agreements)
    .where(where)
    .orderBy(asc(agreements.effectiveFrom), asc(agreements.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(agreements).where(where);
    return total;
  });
}
