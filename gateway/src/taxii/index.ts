import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Principal } from '@iag/kit';
import { principalLogFields, type Route } from '@iag/kit/http';
import type { RunGraph } from '../graph-runner';
import { API_ROOT, DEFAULT_PAGE, MAX_PAGE, THREAT_PRODUCTS_COLLECTION, apiRoot, discovery } from './taxii.collections';
import { acceptsTaxii, sendTaxii, sendTaxiiError, TAXII_MEDIA_TYPE } from './taxii.http';
import { getManifest, getObjects, getVersions } from './taxii.objects';
import { parseTaxiiQuery, TaxiiQueryError, isStixId } from './taxii.params';

export const TAXII_PREFIX = '/taxii2/';

export interface TaxiiOptions {
  runGraph: RunGraph;
  /** The gateway's own caller verification: the same tokens as the GraphQL API. */
  authenticate: (req: IncomingMessage) => Promise<Principal>;
  /** The origin clients reach the gateway at (PUBLIC_ORIGIN), else taken from the request. */
  publicOrigin?: string;
  maxBodyBytes: number;
}

type Endpoint =
  | { kind: 'discovery' | 'api-root' | 'collections' }
  | { kind: 'collection' | 'objects' | 'manifest'; collection: string }
  | { kind: 'object' | 'versions'; collection: string; object: string }
  | { kind: 'status' }
  | { kind: 'unknown' };

// The resource paths of section 4 to 5; a missing trailing slash is forgiven.
function endpointOf(pathname: string): Endpoint {
  const parts = pathname.slice(TAXII_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { kind: 'discovery' };
  if (parts[0] !== API_ROOT) return { kind: 'unknown' };
  const [, section, collection, sub, object, tail] = parts;
  if (!section) return { kind: 'api-root' };
  if (section === 'status') return { kind: 'status' };
  if (section !== 'collections') return { kind: 'unknown' };
  if (!collection) return { kind: 'collections' };
  if (!sub) return { kind: 'collection', collection };
  if (sub === 'manifest' && !object) return { kind: 'manifest', collection };
  if (sub !== 'objects') return { kind: 'unknown' };
  if (!object) return { kind: 'objects', collection };
  if (!tail) return { kind: 'object', collection, object };
  return tail === 'versions' && parts.length === 6 ? { kind: 'versions', collection, object } : { kind: 'unknown' };
}

const originOf = (req: IncomingMessage, configured?: string) => configured ?? `http://${req.headers.host ?? 'localhost'}`;

/** A read-only TAXII 2.1 server over the graph, mounted under /taxii2/ on the gateway. */
export function createTaxiiRoute(options: TaxiiOptions): Route {
  return async (req, res, info) => {
    if (!acceptsTaxii(req)) {
      req.resume();
      return sendTaxiiError(res, 406, 'Not acceptable', `This server answers ${TAXII_MEDIA_TYPE} only.`);
    }
    let principal: Principal;
    try {
      principal = await options.authenticate(req);
    } catch (error) {
      req.resume();
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        return sendTaxiiError(res, 401, 'Unauthenticated', error.message, { 'www-authenticate': 'Bearer' });
      }
      throw error;
    }
    info.caller = principalLogFields(principal);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const endpoint = endpointOf(url.pathname);
    info.operationName = `taxii:${endpoint.kind}`;
    req.resume();

    if ('collection' in endpoint && endpoint.collection !== THREAT_PRODUCTS_COLLECTION.id) {
      return sendTaxiiError(res, 404, 'No such collection', 'See the collections resource of this API root.');
    }
    // Writes are refused as the specification says for a collection the client may not write to.
    if (req.method === 'POST' && endpoint.kind === 'objects') return sendTaxiiError(res, 403, 'This collection is read-only');
    if (req.method === 'DELETE' && endpoint.kind === 'object') return sendTaxiiError(res, 403, 'This collection is read-only');
    if (req.method !== 'GET') return sendTaxiiError(res, 405, 'Method not allowed', undefined, { allow: 'GET' });

    const context = { principal, requestId: info.id, trace: info.trace };
    try {
      switch (endpoint.kind) {
        case 'discovery':
          return sendTaxii(res, 200, discovery(originOf(req, options.publicOrigin)));
        case 'api-root':
          return sendTaxii(res, 200, apiRoot(options.maxBodyBytes));
        case 'collections':
          return sendTaxii(res, 200, { collections: [THREAT_PRODUCTS_COLLECTION] });
        case 'collection':
          return sendTaxii(res, 200, THREAT_PRODUCTS_COLLECTION);
        case 'objects':
          return await getObjects(options.runGraph, context, parseTaxiiQuery(url.searchParams, MAX_PAGE, DEFAULT_PAGE), res);
        case 'manifest':
          return await getManifest(options.runGraph, context, parseTaxiiQuery(url.searchParams, MAX_PAGE, DEFAULT_PAGE), res);
        case 'object':
        case 'versions': {
          if (!isStixId(endpoint.object)) return sendTaxiiError(res, 404, 'No such object in this collection');
          const query = parseTaxiiQuery(url.searchParams, MAX_PAGE, DEFAULT_PAGE);
          return endpoint.kind === 'object'
            ? await getObjects(options.runGraph, context, query, res, endpoint.object)
            : await getVersions(options.runGraph, context, query, res, endpoint.object);
        }
        case 'status':
          return sendTaxiiError(res, 404, 'No such status', 'This server accepts no objects, so it has no status resources.');
        default:
          return sendTaxiiError(res, 404, 'Not found', 'Start at /taxii2/ (discovery).');
      }
    } catch (error) {
      if (error instanceof TaxiiQueryError) return sendTaxiiError(res, 400, 'Bad request', error.message);
      throw error;
    }
  };
}
