import { PageArgs, type SubgraphContext } from '@iag/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DhsSchema } from '../db/schema';
import { engagementsByOrganizationLoader } from '../engagement/engagement.loader';
import { EngagementConnection } from '../engagement/engagement.type';
import { Organization } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => EngagementConnection, {
    // Nullable: a field added to another agency's entity must not null its parent when this subgraph is down.
    nullable: true,
    description: 'Engagements this organization takes part in, latest start first.',
  })
  engagements(
    @Root() organization: Organization,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: SubgraphContext<DhsSchema>,
  ) {
    return engagementsByOrganizationLoader(ctx, args).load(organization.id);
  }
}
