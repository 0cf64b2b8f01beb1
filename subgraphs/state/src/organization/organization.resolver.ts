import { ConnectionType, NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
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
  @Query(() => Organization, { nullable: true })
  async organization(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const organization = await organizationLoader(ctx).load(id);
    if (!organization) throw new NotFoundError('Organization', id);
    return organization;
  }

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

export const resolveOrganizationReference = (ref: { id: string }, ctx: Ctx) => organizationLoader(ctx).load(ref.id);
