import { NotFoundError, runMutation, updateVersioned, type SubgraphContext } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { organizations, type StateSchema } from '../db/schema';
import { CreateOrganizationInput, UpdateOrganizationInput } from './organization.input';
import { organizationLoader } from './organization.loader';
import { Organization } from './organization.type';
import { newOrganizationId, validateOrganization } from './organization.validate';

type Ctx = SubgraphContext<StateSchema>;
const WRITE = 'organizations:write';

/** Loads the written organization fresh (after the transaction), past any earlier cached read. */
async function reload(ctx: Ctx, id: string) {
  const loader = organizationLoader(ctx);
  const organization = await loader.clear(id).load(id);
  if (!organization) throw new NotFoundError('Organization', id);
  return organization;
}

@Resolver()
export class OrganizationMutationResolver {
  @Authorized(WRITE)
  @Mutation(() => Organization, {
    description: 'Records a foreign organization. The same idempotencyKey with the same input returns the first result.',
  })
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ) {
    const values = await validateOrganization(ctx, input);
    const { ids } = await runMutation(
      ctx,
      { name: 'createOrganization', objectType: 'Organization', idempotencyKey, input },
      async (tx) => {
        const id = newOrganizationId(values);
        await tx.insert(organizations).values({ ...values, id, name: values.name!, kind: values.kind! });
        return { ids: [id] };
      },
    );
    return reload(ctx, ids[0]);
  }

  @Authorized(WRITE)
  @Mutation(() => Organization, {
    description: 'Changes the given fields if the organization is still at expectedVersion (else CONFLICT).',
  })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ) {
    // Validated against the row as read now: if it changes before the update, its version has
    // moved on and updateVersioned refuses with CONFLICT, so no write rests on a stale check.
    const [current] = await ctx.db.select().from(organizations).where(eq(organizations.id, id));
    if (!current) throw new NotFoundError('Organization', id);
    const values = await validateOrganization(ctx, input, current);
    await runMutation(
      ctx,
      { name: 'updateOrganization', objectType: 'Organization', idempotencyKey, input: { id, expectedVersion, input } },
      async (tx) => {
        await updateVersioned(tx, organizations, organizations, id, expectedVersion, values, 'Organization');
        return { ids: [id] };
      },
    );
    return reload(ctx, id);
  }
}
