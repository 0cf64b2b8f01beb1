// The headers of a request: a caller's token, or an authorization that must be refused, and
// noise (long or odd values, a junk Accept, spoofed identity headers, an unknown encoding).
import type { TargetSpec } from './cases';
import type { Random } from './prng';

export function headersFor(rng: Random, target: TargetSpec, persona: string, contentType: string | undefined): { headers: [string, string][]; authBroken: boolean; acceptJunk: boolean } {
  const headers: [string, string][] = [];
  let authBroken = false;
  let authorization: string | undefined;
  if (rng.chance(target.kind === 'subgraph' ? 0.15 : 0.06)) {
    authorization = rng.pick(target.badAuthorizations);
    authBroken = authorization !== undefined || target.kind === 'subgraph';
  } else {
    const token = target.token(persona);
    authorization = token === undefined ? undefined : `Bearer ${token}`;
  }
  if (authorization !== undefined) headers.push(['authorization', authorization]);
  if (contentType !== undefined) headers.push(['content-type', contentType]);
  let acceptJunk = false;
  const extra = rng.int(0, 9);
  if (extra === 1) headers.push(['x-request-id', rng.pick(['fuzz-\u00e9\u00ff', 'x'.repeat(4000), '../../etc', '"quoted"'])]);
  if (extra === 2) headers.push(['x-fuzz', 'v'.repeat(rng.int(1000, 8000))]);
  if (extra === 3) {
    headers.push(['accept', rng.pick(['application/xml', 'text/csv', 'image/png'])]);
    acceptJunk = true;
  }
  if (extra === 4) headers.push(['accept', rng.pick(['application/graphql-response+json', '*/*', 'application/json;q=0.1, */*'])]);
  if (extra === 5) headers.push(['x-forwarded-for', '10.0.0.1'], ['x-user', 'admin'], ['x-principal', '{"kind":"US_GOVERNMENT"}']);
  if (extra === 6) headers.push(['apollo-require-preflight', 'true'], ['x-apollo-operation-name', 'Fuzz']);
  if (extra === 7) headers.push(['content-encoding', rng.pick(['gzip', 'br', 'junk'])]);
  return { headers, authBroken, acceptJunk };
}
