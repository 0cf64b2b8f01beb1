import { tsString, type Names } from './names';

/** `src/country/country.type.ts`: State's Country as this subgraph knows it, by key only (STACK.md trap 3). */
export const countryTypeTs = (n: Names) => `import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by State; ${n.name} only adds \`${n.entityListField}\` to it. */
@ObjectType()
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => ID)
  code!: string;
}
`;

/** `src/country/country.resolver.ts`: the field this subgraph adds to Country. */
export const countryResolverTs = (n: Names) => `import { PageArgs, type SubgraphContext } from '@iag/kit';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { READ_ROLE } from '../access';
import type { ${n.pascal}Schema } from '../db/schema';
import { sitesByCountryLoader } from '../site/site.loader';
import { ${n.entity}Connection } from '../site/site.type';
import { Country } from './country.type';

/**
 * What ${n.owner} adds to State's \`Country\`. Nullable on purpose: a caller who may not read
 * sites gets null and one error here, while the rest of the country, from every subgraph, still arrives.
 */
@Resolver(() => Country)
export class CountryResolver {
  @Authorized(READ_ROLE)
  @FieldResolver(() => ${n.entity}Connection, { nullable: true, description: ${tsString(`${n.owner} sites in this country, by name.`)} })
  ${n.entityListField}(@Root() country: Country, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SubgraphContext<${n.pascal}Schema>) {
    return sitesByCountryLoader(ctx, args).load(country.code.toUpperCase());
  }
}
`;
