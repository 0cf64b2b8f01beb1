import type { SubgraphContext } from '@iag/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { agreementByEngagementLoader } from '../agreement/agreement.loader';
import { Agreement } from '../agreement/agreement.type';
import type { StateSchema } from '../db/schema';
import { Engagement } from './engagement.type';

@Resolver(() => Engagement)
export class EngagementResolver {
  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement this engagement was carried out under.' })
  agreement(@Root() engagement: Engagement, @Ctx() ctx: SubgraphContext<StateSchema>) {
    return agreementByEngagementLoader(ctx).load(engagement.id);
  }
}
