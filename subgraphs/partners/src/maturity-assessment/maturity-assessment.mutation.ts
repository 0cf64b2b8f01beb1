import { randomUUID } from 'node:crypto';
import { Validator, runMutation, type SubgraphContext } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { maturityAssessments, type PartnersSchema } from '../db/schema';
import { ASSESSMENT_LIMITS, RecordMaturityAssessmentInput } from './maturity-assessment.input';
import { maturityAssessmentLoader, type MaturityAssessmentRow } from './maturity-assessment.loader';
import { MAX_LEVEL, MIN_LEVEL, MaturityAssessment } from './maturity-assessment.type';

type Ctx = SubgraphContext<PartnersSchema>;

/** The scope that lets US government principals record assessments (docs/access.md). */
export const MATURITY_WRITE = 'maturity:write';

/** The latest calendar date anywhere on Earth now (UTC+14), so no time zone's "today" is refused. */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Every problem with the input at once (BAD_USER_INPUT per field); nothing is written if any. */
function validate(input: RecordMaturityAssessmentInput): void {
  const v = new Validator()
    .int('input.level', input.level, MIN_LEVEL, MAX_LEVEL)
    .text('input.framework', input.framework, { max: ASSESSMENT_LIMITS.framework, required: false })
    .text('input.notes', input.notes, { min: 0, max: ASSESSMENT_LIMITS.notes, required: false });
  // State owns organizations and Partners keeps no copy of them, so only the id's shape is checked
  // here: an id State does not know yet is accepted (as for deliveries, no foreign key can say).
  if (!ASSESSMENT_LIMITS.organizationId.test(input.organizationId)) {
    v.add('input.organizationId', 'must be an organization id: lower-case letters, digits and . _ : -');
  }
  // LocalDate has already refused anything that is not a real YYYY-MM-DD date.
  if (input.assessedOn > latestToday()) v.add('input.assessedOn', 'must not be in the future');
  v.done();
}

@Resolver()
export class MaturityAssessmentMutationResolver {
  @Authorized(MATURITY_WRITE)
  @Mutation(() => MaturityAssessment, {
    description: "Records an organization's maturity as assessed on a date (US government, maturity:write).",
  })
  async recordMaturityAssessment(
    @Arg('input', () => RecordMaturityAssessmentInput) input: RecordMaturityAssessmentInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ): Promise<MaturityAssessmentRow> {
    validate(input);
    const values = {
      organizationId: input.organizationId,
      level: input.level,
      assessedOn: input.assessedOn,
      method: input.method,
      framework: input.framework?.trim() ?? null,
      notes: input.notes?.trim() || null,
    };
    const { ids } = await runMutation(
      ctx,
      { name: 'recordMaturityAssessment', objectType: 'MaturityAssessment', idempotencyKey, input: values },
      async (tx) => {
        const id = `ma-${randomUUID()}`;
        await tx.insert(maturityAssessments).values({ id, ...values });
        return { ids: [id] };
      },
    );

    // The loader shows assessments only to holders of maturity:read; a writer without it still gets
    // back what it has just written, and nothing more.
    const visible = await maturityAssessmentLoader(ctx).load(ids[0]);
    if (visible) return visible;
    const [written] = await ctx.db.select().from(maturityAssessments).where(eq(maturityAssessments.id, ids[0]));
    if (!written) throw new Error(`MaturityAssessment ${ids[0]} vanished after it was recorded`);
    return written;
  }
}
