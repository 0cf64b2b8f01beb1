import { likePattern, toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, eq, ilike, or, type SQL } from '@iag/kit/orm';
import { organizations, type StateSchema } from '../db/schema';
import type { OrganizationsArgs } from './organization.args';
import { visibleOrganizations } from './organization.visibility';

export async function listOrganizations(ctx: SubgraphContext<StateSchema>, args: OrganizationsArgs) {
  const page = toPage(args);
  // Visibility first: `totalCount` below counts only what the caller may see.
  const filters: (SQL | undefined)[] = [visibleOrganizations(ctx)];
  if (args.country) filters.push(eq(organizations.countryCode, args.country.toUpperCase()));
  if (args.kind) filters.push(eq(organizations.kind, args.kind));
  if (args.search) {
    const pattern = likePattern(args.search);
    filters.push(or(ilike(organizations.name, pattern), ilike(organizations.acronym, pattern)));
  }
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(organizations).where(where);
    return total;
  });
}
