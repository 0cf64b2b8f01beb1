import { ConnectionType, NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { StateSchema } from '../db/schema';
import { organizationsByCountryLoader } from '../organization/organization.loader';
import { Organization } from '../organization/organization.type';
import { CountriesArgs } from './country.args';
import { countryLoader } from './country.loader';
import { listCountries } from './country.query';
import { Country } from './country.type';

export const CountryConnection = ConnectionType(Country);
type Ctx = SubgraphContext<StateSchema>;

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by its ISO 3166-1 alpha-2 code.' })
  async country(@Arg('code', () => ID) code: string, @Ctx() ctx: Ctx) {
    const country = await countryLoader(ctx).load(code.toUpperCase());
    if (!country) throw new NotFoundError('Country', code);
    return country;
  }

  @Query(() => CountryConnection, { description: 'Countries by name, filtered by region or a search.' })
  countries(@Args(() => CountriesArgs) args: CountriesArgs, @Ctx() ctx: Ctx) {
    return listCountries(ctx, args);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations based in this country, by name.' })
  organizations(@Root() country: Country, @Ctx() ctx: Ctx) {
    return organizationsByCountryLoader(ctx).load(country.code);
  }
}

/** `_entities` turns `{ code }` into a country; unknown codes resolve to null. */
export const resolveCountryReference = (ref: { code: string }, ctx: Ctx) => countryLoader(ctx).load(ref.code);
