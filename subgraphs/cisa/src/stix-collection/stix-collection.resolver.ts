import { BadUserInputError, type Connection, type SubgraphContext } from '@iag/kit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { decodePosition, encodePosition } from './stix-collection.cursor';
import { listStixEntries, type StixEntryValue, type StixQuery } from './stix-collection.query';
import { StixEntry, StixEntryConnection, StixObjectsArgs } from './stix-entry.type';

type Ctx = SubgraphContext<CisaSchema>;

/** Larger than other lists: TAXII clients page through whole collections, and objects are small. */
export const MAX_STIX_PAGE = 500;
const DEFAULT_STIX_PAGE = 100;
/** Each id asked for costs a lookup or two; a client fetching more should page instead. */
export const MAX_STIX_IDS = 100;

function toQuery(args: StixObjectsArgs): StixQuery {
  const limit = args.first ?? DEFAULT_STIX_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_STIX_PAGE) {
    throw new BadUserInputError(`\`first\` must be between 1 and ${MAX_STIX_PAGE}`, 'first');
  }
  if (args.ids && args.ids.length > MAX_STIX_IDS) throw new BadUserInputError(`at most ${MAX_STIX_IDS} \`ids\` at a time`, 'ids');
  return {
    limit,
    addedAfter: args.addedAfter ?? undefined,
    types: args.types?.length ? new Set(args.types) : undefined,
    ids: args.ids?.length ? new Set(args.ids) : undefined,
    after: args.after ? decodePosition(args.after) : undefined,
  };
}

@Resolver(() => StixEntry)
export class StixCollectionResolver {
  @Query(() => StixEntryConnection, {
    description:
      'The STIX 2.1 objects of every released threat product the caller may see (the TAXII collection `threat-products`), oldest added first; poll with `addedAfter`.',
  })
  async stixObjects(@Args(() => StixObjectsArgs) args: StixObjectsArgs, @Ctx() ctx: Ctx): Promise<Connection<StixEntryValue>> {
    const query = toQuery(args);
    const { entries, more } = await listStixEntries(ctx, query);
    const edges = entries.map((node) => ({ cursor: encodePosition(node), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: more,
        hasPreviousPage: Boolean(query.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      // Counting means reading the whole view, so only when asked for.
      get totalCount() {
        return listStixEntries(ctx, { ...query, after: undefined, limit: Number.MAX_SAFE_INTEGER }).then((r) => r.entries.length);
      },
    };
  }
}
