import type { ClassType } from 'type-graphql';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';

/** The largest page any list returns; larger `first` values are refused, not silently cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen.' })
  after?: string | null;
}

/** A validated page request: rows `offset` to `offset + limit - 1`. */
export interface Page {
  offset: number;
  limit: number;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A getter: the count query runs only when a client asks for `totalCount`. */
  readonly totalCount: number | Promise<number>;
}

// Cursors are opaque to clients; an offset inside lets any ordering page without a keyset per sort.
const CURSOR_PREFIX = 'o:';
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = text.slice(CURSOR_PREFIX.length);
  const offset = Number(digits);
  if (!text.startsWith(CURSOR_PREFIX) || !/^\d{1,15}$/.test(digits) || offset < 0) {
    throw new BadUserInputError('`after` is not a cursor this list gave out', 'after');
  }
  return offset;
}

/** Checks `first`/`after` and turns them into an offset and a limit. */
export function toPage(args: PageArgs, maxPageSize = MAX_PAGE_SIZE): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw new BadUserInputError(`\`first\` must be between 0 and ${maxPageSize}`, 'first');
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit: first };
}

/**
 * Builds a connection from rows fetched with `limit + 1`: the extra row only says whether a next
 * page exists, and is dropped.
 */
export function toConnection<T>(
  rows: T[],
  page: Page,
  totalCount: number | (() => Promise<number>),
): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    // type-graphql resolves plain fields as `root[name]`, so a getter (not a function) keeps it lazy.
    get totalCount() {
      return typeof totalCount === 'function' ? totalCount() : totalCount;
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node class. */
export function ConnectionType<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All items matching the filter, across pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}
