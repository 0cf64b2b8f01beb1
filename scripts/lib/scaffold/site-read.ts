import { tsString, type Names } from './names';

/** `src/site/site.loader.ts`: per-request DataLoaders, one SQL statement per batch. */
export const siteLoaderTs = (n: Names) => `import { DataLoader, byKey, pagesByParent, toPage, type Connection, type PageArgs, type SubgraphContext } from '@iag/kit';
import { asc, inArray } from '@iag/kit/orm';
import { sites, type ${n.pascal}Schema } from '../db/schema';

export type SiteRow = typeof sites.$inferSelect;
type Ctx = SubgraphContext<${n.pascal}Schema>;

/** The order of every list of sites: by name, then id so that pages are stable. */
export const siteOrder = [asc(sites.name), asc(sites.id)];

/** Sites by id: one \`in (...)\` query per request tick, whatever the number of references. */
export function siteLoader(ctx: Ctx) {
  return ctx.loaders.get('site', () =>
    new DataLoader<string, SiteRow | null>(async (ids) => {
      const rows = await ctx.db.select().from(sites).where(inArray(sites.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

/**
 * A page of each country's sites, for many countries in one statement. One loader per page size
 * and cursor: \`${n.entityListField}(first: 3)\` beside \`(first: 10)\` in one request do not share results.
 */
export function sitesByCountryLoader(ctx: Ctx, args: PageArgs) {
  const page = toPage(args);
  return ctx.loaders.get(\`sitesByCountry:\${JSON.stringify(page)}\`, () =>
    new DataLoader<string, Connection<SiteRow>>((codes) =>
      pagesByParent({ db: ctx.db, table: sites, parent: sites.countryCode, parentKeys: codes, orderBy: siteOrder, page }),
    ),
  );
}
`;

/** `src/site/site.query.ts`: the root list, with its filter and count. */
export const siteQueryTs = (n: Names) => `import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { count, eq } from '@iag/kit/orm';
import { sites, type ${n.pascal}Schema } from '../db/schema';
import type { ${n.entity}sArgs } from './site.args';
import { siteOrder } from './site.loader';

export async function listSites(ctx: SubgraphContext<${n.pascal}Schema>, args: ${n.entity}sArgs) {
  const page = toPage(args);
  const where = args.country ? eq(sites.countryCode, args.country.trim().toUpperCase()) : undefined;
  const rows = await ctx.db
    .select()
    .from(sites)
    .where(where)
    .orderBy(...siteOrder)
    .limit(page.limit + 1)
    .offset(page.offset);
  // A function, not a number: the count runs only when a client asks for totalCount.
  return toConnection(rows, page, async () => {
    const [{ total }] = await ctx.db.select({ total: count() }).from(sites).where(where);
    return total;
  });
}
`;

/** `src/site/site.resolver.ts`: root queries, the Country reference, and \`_entities\`. */
export const siteResolverTs = (n: Names) => `import { NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { READ_ROLE, canRead, refuse } from '../access';
import { Country } from '../country/country.type';
import type { ${n.pascal}Schema } from '../db/schema';
import { ${n.entity}sArgs } from './site.args';
import { siteLoader, type SiteRow } from './site.loader';
import { listSites } from './site.query';
import { ${n.entity}, ${n.entity}Connection } from './site.type';

type Ctx = SubgraphContext<${n.pascal}Schema>;

@Resolver(() => ${n.entity})
export class ${n.entity}Resolver {
  @Authorized(READ_ROLE)
  @Query(() => ${n.entity}, { nullable: true, description: 'A site by id.' })
  async ${n.entityField}(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const site = await siteLoader(ctx).load(id);
    if (!site) throw new NotFoundError(${tsString(n.entity)}, id);
    return site;
  }

  @Authorized(READ_ROLE)
  @Query(() => ${n.entity}Connection, { description: 'Sites by name, optionally in one country.' })
  ${n.entityListField}(@Args(() => ${n.entity}sArgs) args: ${n.entity}sArgs, @Ctx() ctx: Ctx) {
    return listSites(ctx, args);
  }

  @FieldResolver(() => Country, { description: 'The country, with every field other subgraphs give it.' })
  country(@Root() site: SiteRow): Country {
    return { code: site.countryCode };
  }
}

/** \`_entities\` turns \`{ id }\` into a site: null for an unknown id, refused for a caller who may not read. */
export async function resolve${n.entity}Reference(ref: { id: string }, ctx: Ctx) {
  if (!canRead(ctx.principal)) throw refuse(ctx.principal, ref.id);
  return siteLoader(ctx).load(ref.id);
}
`;
