import { randomUUID } from 'node:crypto';
import { BadUserInputError, runMutation, updateVersioned, type Db, type SubgraphContext } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { INFRASTRUCTURE_WRITE } from '../asset/asset.mutation';
import { dependencies, type CisaSchema } from '../db/schema';
import { CreateDependencyInput, UpdateDependencyInput } from './dependency.input';
import { Dependency } from './dependency.type';
import { assessRisk } from '../risk/risk.assess';
import { provisionalRisk } from '../risk/risk.factors';
import { validateDependencyInput } from './dependency.validate';

type Ctx = SubgraphContext<CisaSchema>;

async function loadDependency(ctx: Ctx, id: string) {
  return (await ctx.db.select().from(dependencies).where(eq(dependencies.id, id)))[0];
}

@Resolver(() => Dependency)
export class DependencyMutationResolver {
  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => Dependency, { description: 'Records a dependency on a foreign asset; its risk score is computed.' })
  async createDependency(
    @Arg('input', () => CreateDependencyInput) input: CreateDependencyInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: Ctx,
  ) {
    const { countryCode } = await validateDependencyInput(ctx.db, input, true);
    const { id } = await runMutation(ctx, { name: 'createDependency', objectType: 'Dependency', idempotencyKey, input }, async (tx) => {
      const id = `dep-${randomUUID()}`;
      // The score is never taken from a client: a provisional one (the column is NOT NULL), then the
      // full assessment with its first history row, in this transaction (docs/risk.md).
      await tx.insert(dependencies).values({ ...input, id, countryCode: countryCode!, ...provisionalRisk(input) });
      await assessRisk(tx as unknown as Db<CisaSchema>, { dependencyIds: [id], cause: 'created' });
      return { ids: [id], id };
    });
    return loadDependency(ctx, id);
  }

  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => Dependency, { description: 'Changes a dependency at expectedVersion (else CONFLICT) and recomputes its score.' })
  async updateDependency(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateDependencyInput) input: UpdateDependencyInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: Ctx,
  ) {
    await validateDependencyInput(ctx.db, input, false);
    const args = { id, expectedVersion, input };
    await runMutation(ctx, { name: 'updateDependency', objectType: 'Dependency', idempotencyKey, input: args }, async (tx) => {
      const set = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      // A missing row or a stale version throws here (NOT_FOUND, CONFLICT) before anything is scored.
      await updateVersioned(tx, dependencies, dependencies, id, expectedVersion, set, 'Dependency');
      await assessRisk(tx as unknown as Db<CisaSchema>, { dependencyIds: [id], cause: 'updated' });
      return { ids: [id] };
    });
    return loadDependency(ctx, id);
  }

  @Authorized(INFRASTRUCTURE_WRITE)
  @Mutation(() => Dependency, { description: 'Retires a dependency (status RETIRED); it leaves the lists of active ones.' })
  async retireDependency(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: Ctx,
  ) {
    const args = { id, expectedVersion };
    await runMutation(ctx, { name: 'retireDependency', objectType: 'Dependency', idempotencyKey, input: args }, async (tx) => {
      const [current] = await tx.select({ status: dependencies.status }).from(dependencies).where(eq(dependencies.id, id));
      if (current?.status === 'RETIRED') throw new BadUserInputError(`Dependency ${id} is already retired`, 'id');
      await updateVersioned(tx, dependencies, dependencies, id, expectedVersion, { status: 'RETIRED' }, 'Dependency');
      return { ids: [id] };
    });
    return loadDependency(ctx, id);
  }
}
