import { AUTHENTICATED, ConnectionType, NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { hiddenError } from '@iag/kit';
import { agreementsByOrganizationLoader } from '../agreement/agreement.loader';
import { Agreement } from '../agreement/agreement.type';
import { countryLoader } from '../country/country.loader';
import { Country } from '../country/country.type';
import type { StateSchema } from '../db/schema';
import { OrganizationsArgs } from './organization.args';
import { organizationLoader } from './organization.loader';
import { listOrganizations } from './organization.query';
import { Organization } from './organization.type';

export const OrganizationConnection = ConnectionType(Organization);
type Ctx = SubgraphContext<StateSchema>;

@Resolver(() => Organization)
export class OrganizationResolver {
  // The root fields refuse anonymous callers outright (UNAUTHENTICATED): an empty list would
  // read as "there are none" when signing in is what would help.
  @Authorized(AUTHENTICATED)
  @Query(() => Organization, { nullable: true })
  async organization(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const organization = await organizationLoader(ctx).load(id);
    if (!organization) throw new NotFoundError('Organization', id);
    if (!organization.visible) throw hiddenError(ctx.principal, 'Organization', id);
    return organization;
  }

  @Authorized(AUTHENTICATED)
  @Query(() => OrganizationConnection, { description: 'Organizations by name, filtered by country, kind or a search.' })
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs, @Ctx() ctx: Ctx) {
    return listOrganizations(ctx, args);
  }

  @FieldResolver(() => Country, { nullable: true, description: 'Null for multilateral bodies.' })
  country(@Root() organization: Organization, @Ctx() ctx: Ctx) {
    return organization.countryCode ? countryLoader(ctx).load(organization.countryCode) : null;
  }

  @FieldResolver(() => [Agreement], { description: 'Agreements this organization is a party to.' })
  agreements(@Root() organization: Organization, @Ctx() ctx: Ctx) {
    return agreementsByOrganizationLoader(ctx).load(organization.id);
  }
}

/**
 * `_entities` turns `{ id }` into an organization: unknown ids resolve to null; for anonymous callers
 * an existing one resolves to null with UNAUTHENTICATED, for that representation only.
 */
export async function resolveOrganizationReference(ref: { id: string }, ctx: Ctx) {
  const organization = await organizationLoader(ctx).load(ref.id);
  if (!organization) return null;
  if (!organization.visible) throw hiddenError(ctx.principal, 'Organization', ref.id);
  return organization;
}
