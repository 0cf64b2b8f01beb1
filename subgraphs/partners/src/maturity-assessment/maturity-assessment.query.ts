import { BadUserInputError, toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, desc, eq, gte, lte, type SQL } from '@iag/kit/orm';
import { maturityAssessments, type PartnersSchema } from '../db/schema';
import type { MaturityAssessmentsArgs } from './maturity-assessment.args';
import { MAX_LEVEL, MIN_LEVEL } from './maturity-assessment.type';
import { visibleMaturityAssessments } from './maturity-assessment.visibility';

/** The filtered list behind `maturityAssessments`, most recent first. */
export async function listMaturityAssessments(ctx: SubgraphContext<PartnersSchema>, args: MaturityAssessmentsArgs) {
  const page = toPage(args);
  const filters: (SQL | undefined)[] = [visibleMaturityAssessments(ctx)];
  if (args.organization) filters.push(eq(maturityAssessments.organizationId, args.organization));
  // Outside the scale a bound would silently mean "all" or "none": a mistake worth naming.
  for (const field of ['minLevel', 'maxLevel'] as const) {
    const level = args[field];
    if (level != null && (level < MIN_LEVEL || level > MAX_LEVEL)) {
      throw new BadUserInputError(`\`${field}\` must be between ${MIN_LEVEL} and ${MAX_LEVEL}`, field);
    }
  }
  if (args.minLevel != null && args.maxLevel != null && args.minLevel > args.maxLevel) {
    throw new BadUserInputError('`minLevel` must not be above `maxLevel`', 'minLevel');
  }
  if (args.minLevel != null) filters.push(gte(maturityAssessments.level, args.minLevel));
  if (args.maxLevel != null) filters.push(lte(maturityAssessments.level, args.maxLevel));
  const where = and(...filters);
  const rows = await ctx.db
    .select()
    .from(maturityAssessments)
    .where(where)
    .orderBy(desc(maturityAssessments.assessedOn), asc(maturityAssessments.id))
    .limit(page.limit + 1)
    .offset(page.offset);
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(maturityAssessments).where(where);
    return total;
  });
}
