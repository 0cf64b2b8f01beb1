import { NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { NationalCriticalFunctionsArgs } from './ncf.args';
import { NationalCriticalFunctionConnection } from './ncf.connection';
import { ncfLoader } from './ncf.loader';
import { listNationalCriticalFunctions } from './ncf.query';
import { NationalCriticalFunction } from './ncf.type';

type Ctx = SubgraphContext<CisaSchema>;

@Resolver(() => NationalCriticalFunction)
export class NationalCriticalFunctionResolver {
  @Query(() => NationalCriticalFunction, { nullable: true, description: 'A National Critical Function by its code.' })
  async nationalCriticalFunction(@Arg('code', () => ID) code: string, @Ctx() ctx: Ctx) {
    const row = await ncfLoader(ctx).load(code.toUpperCase());
    if (!row) throw new NotFoundError('NationalCriticalFunction', code);
    return row;
  }

  @Query(() => NationalCriticalFunctionConnection, {
    description: 'The 55 National Critical Functions by area and name.',
  })
  nationalCriticalFunctions(
    @Args(() => NationalCriticalFunctionsArgs) args: NationalCriticalFunctionsArgs,
    @Ctx() ctx: Ctx,
  ) {
    return listNationalCriticalFunctions(ctx, args);
  }
}

/** `_entities` turns `{ code }` into a function; unknown codes resolve to null. */
export const resolveNcfReference = (ref: { code: string }, ctx: Ctx) => ncfLoader(ctx).load(ref.code);
