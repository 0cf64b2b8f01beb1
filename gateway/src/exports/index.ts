import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Principal } from '@iag/kit';
import { principalLogFields, sendGraphQLError, sendJson, type Route } from '@iag/kit/http';
import type { RunGraph } from '../graph-runner';

export const EXPORTS_PREFIX = '/threat-products/';

const FORMATS = {
  stix: { field: 'stixBundle', contentType: 'application/stix+json;version=2.1', extension: 'stix.json' },
  csaf: { field: 'csafDocument', contentType: 'application/json', extension: 'json' },
} as const;

// Tracking ids are upper case (AA25-142A, ICSA-25-071-01); product ids are not (tp-13).
const isTrackingId = (key: string) => !/[a-z]/.test(key);

const queryFor = (field: string, byTracking: boolean) =>
  byTracking
    ? `query ProductExport($key: String!) { product: threatProductByTrackingId(trackingId: $key) { trackingId ${field} } }`
    : `query ProductExport($key: ID!) { product: threatProduct(id: $key) { trackingId ${field} } }`;

const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, SERVICE_UNAVAILABLE: 503 };

/** CSAF's file name rule (section 5.1): lower case, anything but [+\-a-z0-9] as "_". */
const fileNameOf = (trackingId: string, extension: string) => `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.${extension}`;

/**
 * `GET /threat-products/{id or tracking id}/stix` (a STIX 2.1 bundle) and `…/csaf` (a CSAF 2.0
 * document): the product's export fields, read through the graph as the caller, so the same
 * token and TLP rules answer (404 for an unknown product, 403 for one the caller may not see).
 */
export function createExportRoute(options: { runGraph: RunGraph; authenticate: (req: IncomingMessage) => Promise<Principal> }): Route {
  return async (req, res, info) => {
    req.resume();
    const parts = new URL(req.url ?? '/', 'http://localhost').pathname.slice(EXPORTS_PREFIX.length).split('/').filter(Boolean);
    const format = parts.length === 2 ? FORMATS[parts[1] as keyof typeof FORMATS] : undefined;
    if (!format) return sendGraphQLError(res, 404, 'NOT_FOUND', 'Exports are at /threat-products/{id or tracking id}/stix or /csaf');
    if (req.method !== 'GET') return sendGraphQLError(res, 405, 'METHOD_NOT_ALLOWED', 'Exports are read with GET', { allow: 'GET' });
    let principal: Principal;
    try {
      principal = await options.authenticate(req);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        return sendGraphQLError(res, 401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' });
      }
      throw error;
    }
    info.caller = principalLogFields(principal);
    info.operationName = `export:${parts[1]}`;
    const key = decodeURIComponent(parts[0]);
    const result = await options.runGraph<{ product: ({ trackingId: string } & Record<string, unknown>) | null }>(
      queryFor(format.field, isTrackingId(key)),
      { key },
      { principal, requestId: info.id, trace: info.trace },
    );
    const product = result.data?.product;
    if (result.errors?.length || !product) {
      const error = result.errors?.[0];
      const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      const status = STATUS_OF_CODE[code] ?? 500;
      const challenge: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
      return sendJson(res, status, { errors: [{ message: error?.message ?? 'Unexpected error.', extensions: { code } }] }, challenge);
    }
    res.writeHead(200, {
      'content-type': format.contentType,
      'content-disposition': `inline; filename="${fileNameOf(product.trackingId, format.extension)}"`,
    });
    res.end(JSON.stringify(product[format.field]));
  };
}
