// Requests refused before any GraphQL runs: an unreadable or wrong body, content type, method,
// size or path, and what node's HTTP parser itself refuses.
import { VALID_BODY, json, type FuzzCase, type TargetSpec } from './cases';
import { headersFor } from './headers';
import type { Random } from './prng';
import { weirdText } from './text';

/** Requests refused before any GraphQL runs: the body, its type, the method, its size, the path. */
export function httpCase(rng: Random, target: TargetSpec): FuzzCase {
  const which = rng.int(0, 7);
  const { headers, authBroken, acceptJunk } = headersFor(rng, target, target.defaultPersona, undefined);
  // An Accept without JSON may be refused (406) by Apollo before it reads the body.
  const auth = (statuses: number[]) => (authBroken ? [401] : acceptJunk ? [...statuses, 406] : statuses);
  const withBody = (kind: string, method: string, contentType: string | undefined, body: Buffer, allowed: number[]): FuzzCase => {
    if (contentType !== undefined) headers.push(['content-type', contentType]);
    headers.push(['content-length', String(body.length)]);
    // Over the gateway's body limit (256 KiB by default): 413 comes first.
    const statuses = body.length > 250_000 && method === 'POST' ? [...allowed, 413] : allowed;
    return { kind, request: { method, target: '/graphql', headers, body }, allowed: auth(statuses), graphql: false, mutation: false };
  };
  if (which === 0) {
    const body = rng.pick([
      () => VALID_BODY.slice(0, rng.int(1, VALID_BODY.length - 1)),
      () => `${VALID_BODY}${rng.pick(['x', '}', ',{}', '\u0000', ' garbage'])}`,
      () => `\ufeff${VALID_BODY}`,
      () => `{'query': '{ __typename }'}`,
      () => `{"query": "{ __typename }",}`,
      () => `{"query": NaN}`,
      () => `/* c */ ${VALID_BODY}`,
      () => `{"query": "\\x41"}`,
      () => `{"query": "\\ud800${weirdText(rng)}`,
      () => `${'['.repeat(100_000)}`,
      () => `${'{"a":'.repeat(50_000)}`,
      () => weirdText(rng, 40),
      () => '\u0000'.repeat(rng.int(1, 100)),
    ])();
    return withBody('invalid-json', 'POST', rng.pick([json, 'application/json; charset=utf-8', 'Application/JSON']), Buffer.from(body, 'utf8'), [400, 415]);
  }
  if (which === 1) {
    // Valid JSON that is not a GraphQL request object.
    const body = rng.pick([
      () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      () => `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
      () => '[{"query":"{ __typename }"}]',
      () => rng.pick(['1', '"{ __typename }"', 'null', 'true', '[]', '{}']),
    ])();
    return withBody('json-not-a-request', 'POST', json, Buffer.from(body, 'utf8'), [400]);
  }
  if (which === 2) {
    const type = rng.pick(['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', undefined, 'application/graphql', 'text/html', 'application/xml', '', '*/*']);
    const body = type?.startsWith('multipart') ? '--x\r\ncontent-disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n' : type === 'application/x-www-form-urlencoded' ? 'query=%7B__typename%7D' : VALID_BODY;
    return withBody('wrong-content-type', 'POST', type, Buffer.from(body, 'utf8'), [400, 415]);
  }
  if (which === 3) {
    const method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS']);
    return withBody('wrong-method', method, json, Buffer.from(VALID_BODY), [400, 405]);
  }
  if (which === 4) {
    const kind = rng.pick(['HEAD', 'HEAD-query']);
    return {
      kind: 'wrong-method',
      request: { method: 'HEAD', target: kind === 'HEAD' ? '/graphql' : '/graphql?query=%7Bnope%7D', headers },
      allowed: auth([400, 405]),
      graphql: false,
      mutation: false,
    };
  }
  if (which === 5) {
    // Over the body limit (1 MB): refused before parsing, whatever it holds.
    const size = rng.pick([1_100_000, 2_000_000, 5_000_000]);
    const body = Buffer.from(`{"query":"{ __typename }","variables":{"v":"${'x'.repeat(size)}"}}`);
    return withBody('huge-body', 'POST', json, body, [413]);
  }
  if (which === 6) return withBody('empty-body', 'POST', rng.pick([json, undefined, 'text/plain']), Buffer.alloc(0), [400, 415]);
  const path = rng.pick(['/graphq', '/graphql/', '/GRAPHQL', '/', '/graphql%00', '/%2e%2e/etc/passwd', '/graphql/../admin', `/${weirdText(rng).replace(/[^\x21-\x7e]/g, '')}x`, '*']);
  return {
    kind: 'unknown-path',
    request: { method: rng.pick(['GET', 'POST']), target: path, headers: [...headers, ['content-length', '0']] },
    allowed: [404],
    graphql: false,
    mutation: false,
  };
}

/**
 * Requests node's HTTP parser refuses before any handler runs: NUL bytes or control characters in
 * header values, invalid header names, headers over the size limit, a lying content-length.
 */
export function protocolCase(rng: Random, target: TargetSpec): FuzzCase {
  const token = target.token(target.defaultPersona);
  const headers: [string, string][] = token ? [['authorization', `Bearer ${token}`]] : [];
  const which = rng.int(0, 4);
  const body = Buffer.from(VALID_BODY);
  if (which === 0) headers.push(['x-request-id', `fuzz\u0000${weirdText(rng)}`.replace(/[^\x00-\xff]/g, '?')]);
  if (which === 1) headers.push(['authorization\u0000', 'x'], ['x bad name', 'y']);
  if (which === 2) headers.push(['x-huge', 'h'.repeat(rng.int(20_000, 70_000))]);
  if (which === 3) headers.push(['content-length', '-1']);
  if (which === 4) headers.push(['content-length', '12'], ['transfer-encoding', 'chunked']);
  if (which !== 3 && which !== 4) headers.push(['content-length', String(body.length)]);
  headers.push(['content-type', json]);
  return {
    kind: 'bad-http',
    request: { method: 'POST', target: '/graphql', headers, body },
    allowed: [400, 431],
    graphql: false,
    mutation: false,
  };
}
