import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';

/** The one media type of TAXII 2.1 resources (envelopes, manifests, collections, errors). */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
/** What each object in a collection is. */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/**
 * TAXII 2.1 (section 1.6.8): a client names the media type it accepts; anything else is a 406.
 * `application/taxii+json` without a version means the latest, i.e. 2.1; a missing header or a
 * wildcard is taken as consent, since curl and browsers send one.
 */
export function acceptsTaxii(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
}

export function sendTaxii(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': TAXII_MEDIA_TYPE, ...headers });
  res.end(JSON.stringify(body));
}

/** A TAXII error message (section 3.6.1); never a stack, an internal URL or SQL. */
export function sendTaxiiError(
  res: ServerResponse,
  status: number,
  title: string,
  description?: string,
  headers: Record<string, string> = {},
) {
  sendTaxii(res, status, { title, ...(description ? { description } : {}), http_status: String(status) }, headers);
}

/** The HTTP status a graph error stands for, with its (already masked) message. */
export function statusOfGraphErrors(errors: readonly GraphQLFormattedError[]): { status: number; message: string } {
  const first = errors[0];
  const code = first?.extensions?.code;
  const status =
    code === 'BAD_USER_INPUT' ? 400
    : code === 'UNAUTHENTICATED' ? 401
    : code === 'FORBIDDEN' ? 403
    : code === 'NOT_FOUND' ? 404
    : code === 'SERVICE_UNAVAILABLE' ? 503
    : 500;
  return { status, message: first?.message ?? 'Unexpected error.' };
}
