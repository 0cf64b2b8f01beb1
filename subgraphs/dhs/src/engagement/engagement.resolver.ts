import { NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { hiddenError } from '@iag/kit';
import { Country } from '../country/country.type';
import type { DhsSchema } from '../db/schema';
import { partnerIdsByEngagementLoader } from '../organization/organization.loader';
import { Organization } from '../organization/organization.type';
import { sectorsByEngagementLoader } from '../sector/sector.loader';
import { Sector } from '../sector/sector.type';
import { EngagementsArgs } from './engagement.args';
import { engagementLoader } from './engagement.loader';
import { listEngagements } from './engagement.query';
import { Engagement, EngagementConnection } from './engagement.type';

type Ctx = SubgraphContext<DhsSchema>;

@Resolver(() => Engagement)
export class EngagementResolver {
  @Query(() => Engagement, { nullable: true })
  async engagement(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const engagement = await engagementLoader(ctx).load(id);
    if (!engagement) throw new NotFoundError('Engagement', id);
    if (!engagement.visible) throw hiddenError(ctx.principal, 'Engagement', id);
    return engagement;
  }

  @Query(() => EngagementConnection, {
    description:
      'Engagements, latest start first, by country, agency, status, kind, goal, partner, sector or date window.',
  })
  engagements(@Args(() => EngagementsArgs) args: EngagementsArgs, @Ctx() ctx: Ctx) {
    return listEngagements(ctx, args);
  }

  @FieldResolver(() => [Organization], { description: 'Foreign organizations taking part.' })
  async partnerOrganizations(@Root() engagement: Engagement, @Ctx() ctx: Ctx) {
    const ids = await partnerIdsByEngagementLoader(ctx).load(engagement.id);
    return ids.map((id) => ({ id }));
  }

  @FieldResolver(() => Country, { nullable: true, description: 'Null for a multilateral engagement.' })
  country(@Root() engagement: Engagement) {
    return engagement.countryCode ? { code: engagement.countryCode } : null;
  }

  @FieldResolver(() => [Sector], { description: 'The critical infrastructure sectors it concerns, by name.' })
  sectors(@Root() engagement: Engagement, @Ctx() ctx: Ctx) {
    return sectorsByEngagementLoader(ctx).load(engagement.id);
  }
}

/**
 * `_entities` turns `{ id }` into an engagement. An unknown id resolves to null (references to rows
 * deleted here are not the caller's fault); a hidden one to null with FORBIDDEN / UNAUTHENTICATED,
 * which Apollo reports for that representation only, leaving the rest of `_entities` intact.
 */
export async function resolveEngagementReference(ref: { id: string }, ctx: Ctx) {
  const engagement = await engagementLoader(ctx).load(ref.id);
  if (!engagement) return null;
  if (!engagement.visible) throw hiddenError(ctx.principal, 'Engagement', ref.id);
  return engagement;
}
