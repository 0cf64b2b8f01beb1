import type { SubgraphContext } from '@iag/kit';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { DisseminationStatus } from './dissemination-status.type';
import { outboxStatus } from './outbox.store';

@Resolver()
export class DisseminationStatusResolver {
  @Authorized('threat-products:publish')
  @Query(() => DisseminationStatus, { description: 'Backlog and lag of dissemination to partners, for publishers.' })
  disseminationStatus(@Ctx() ctx: SubgraphContext<CisaSchema>): Promise<DisseminationStatus> {
    return outboxStatus(ctx.db);
  }
}
