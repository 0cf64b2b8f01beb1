import type { ServerResponse } from 'node:http';
import type { GatewayContext } from '../gateway';
import type { RunGraph } from '../graph-runner';
import { STIX_MEDIA_TYPE, sendTaxii, sendTaxiiError, statusOfGraphErrors } from './taxii.http';
import { versionMatches, type TaxiiQuery } from './taxii.params';

// The collection's content comes from the graph's own `stixObjects`, run as the caller: whatever
// the graph would hide from them (TLP, audience, drafts) the collection hides too.
const OBJECTS = /* GraphQL */ `
  query TaxiiObjects($addedAfter: DateTimeISO, $types: [String!], $ids: [String!], $first: Int, $after: String, $withObject: Boolean!) {
    stixObjects(addedAfter: $addedAfter, types: $types, ids: $ids, first: $first, after: $after) {
      edges { node { id type version dateAdded object @include(if: $withObject) } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Entry {
  id: string;
  type: string;
  version: string;
  dateAdded: string;
  object?: Record<string, unknown>;
}
interface Page {
  entries: Entry[];
  more: boolean;
  next?: string;
}

/** Fetches one page of the caller's view; answers the client itself (and returns null) on an error. */
async function fetchPage(
  runGraph: RunGraph,
  context: GatewayContext,
  query: TaxiiQuery,
  withObject: boolean,
  res: ServerResponse,
): Promise<Page | null> {
  if (!query.specVersionMatches) return { entries: [], more: false };
  const variables = {
    addedAfter: query.addedAfter,
    types: query.types,
    ids: query.ids,
    first: query.limit,
    after: query.next,
    withObject,
  };
  const result = await runGraph<{ stixObjects: { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
    OBJECTS,
    variables,
    context,
  );
  if (result.errors?.length || !result.data?.stixObjects) {
    const { status, message } = statusOfGraphErrors(result.errors ?? []);
    // A `next` we did not give out is the client's mistake, whatever the graph called it.
    const title = status === 400 && query.next && /after/.test(message) ? 'The next parameter is not one this server gave out' : message;
    sendTaxiiError(res, status, title);
    return null;
  }
  const { edges, pageInfo } = result.data.stixObjects;
  return {
    entries: edges.map((e) => e.node).filter((e) => versionMatches(query, e.version)),
    more: pageInfo.hasNextPage,
    next: pageInfo.hasNextPage ? (pageInfo.endCursor ?? undefined) : undefined,
  };
}

// Section 5.4: the first and last date_added of what this response holds.
function dateHeaders(entries: Entry[]): Record<string, string> {
  if (entries.length === 0) return {};
  return { 'x-taxii-date-added-first': entries[0].dateAdded, 'x-taxii-date-added-last': entries.at(-1)!.dateAdded };
}

const envelope = (page: Page) => ({
  more: page.more,
  ...(page.next ? { next: page.next } : {}),
  ...(page.entries.length ? { objects: page.entries.map((e) => e.object) } : {}),
});

/** Get Objects (5.4) and, with `objectId`, Get An Object (5.6): an envelope of STIX objects. */
export async function getObjects(runGraph: RunGraph, context: GatewayContext, query: TaxiiQuery, res: ServerResponse, objectId?: string) {
  const page = await fetchPage(runGraph, context, objectId ? { ...query, ids: [objectId] } : query, true, res);
  if (!page) return;
  if (objectId && page.entries.length === 0 && !query.next) {
    return sendTaxiiError(res, 404, 'No such object in this collection', `No object ${objectId} that you may see.`);
  }
  sendTaxii(res, 200, envelope(page), dateHeaders(page.entries));
}

/** Get Object Manifests (5.3): what the collection holds, without the objects. */
export async function getManifest(runGraph: RunGraph, context: GatewayContext, query: TaxiiQuery, res: ServerResponse) {
  const page = await fetchPage(runGraph, context, query, false, res);
  if (!page) return;
  const objects = page.entries.map((e) => ({ id: e.id, date_added: e.dateAdded, version: e.version, media_type: STIX_MEDIA_TYPE }));
  sendTaxii(res, 200, { more: page.more, ...(page.next ? { next: page.next } : {}), ...(objects.length ? { objects } : {}) }, dateHeaders(page.entries));
}

/** Get Object Versions (5.8): this server keeps the current version of each object. */
export async function getVersions(runGraph: RunGraph, context: GatewayContext, query: TaxiiQuery, res: ServerResponse, objectId: string) {
  const page = await fetchPage(runGraph, context, { ...query, ids: [objectId], versions: ['all'] }, false, res);
  if (!page) return;
  if (page.entries.length === 0) {
    return sendTaxiiError(res, 404, 'No such object in this collection', `No object ${objectId} that you may see.`);
  }
  sendTaxii(res, 200, { more: false, versions: page.entries.map((e) => e.version) }, dateHeaders(page.entries));
}
