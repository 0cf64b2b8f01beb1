import { NotFoundError, PageArgs, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { DhsSchema } from '../db/schema';
import { engagementsBySectorLoader } from '../engagement/engagement.loader';
import { EngagementConnection } from '../engagement/engagement.type';
import { sectorLoader } from './sector.loader';
import { listSectors } from './sector.query';
import { Sector } from './sector.type';

type Ctx = SubgraphContext<DhsSchema>;

@Resolver(() => Sector)
export class SectorResolver {
  @Query(() => Sector, { nullable: true, description: 'A sector by its code, e.g. "ENERGY".' })
  async sector(@Arg('code', () => ID) code: string, @Ctx() ctx: Ctx) {
    const sector = await sectorLoader(ctx).load(code);
    if (!sector) throw new NotFoundError('Sector', code);
    return sector;
  }

  @Query(() => [Sector], { description: 'The 16 US critical infrastructure sectors, by name.' })
  sectors(@Ctx() ctx: Ctx) {
    return listSectors(ctx);
  }

  // Nullable like Country.engagements and Organization.engagements (added by DHS to others'
  // entities): a client selecting `engagements` on several of them in one query needs them alike.
  @FieldResolver(() => EngagementConnection, { nullable: true, description: 'Engagements concerning this sector, latest start first.' })
  engagements(@Root() sector: Sector, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Ctx) {
    return engagementsBySectorLoader(ctx, args).load(sector.code);
  }
}

/** `_entities` turns `{ code }` into a sector; unknown codes resolve to null. */
export const resolveSectorReference = (ref: { code: string }, ctx: Ctx) => sectorLoader(ctx).load(ref.code);
