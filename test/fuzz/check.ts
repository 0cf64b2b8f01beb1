// The oracle: what every answer to a malformed request must look like.
import type { FuzzCase } from './requests';
import type { RawResponse } from './raw-http';

/** Statuses a refusal may have; 200 only for a GraphQL request in a readable body (see below). */
export const REFUSALS = [400, 401, 403, 404, 405, 406, 413, 415, 431];

// What must never reach a client: stack frames, source paths, SQL and driver messages.
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat [\w$.<>]+ \(|\n\s+at /],
  ['source path', /node_modules|\/work\/|[\w-]+\.(ts|js|mjs):\d+/],
  ['sql', /\b(select|insert into|update|delete from)\s+["\w]+.*\b(from|values|set|where)\b|relation "|syntax error at or near|duplicate key value|violates/i],
  ['stack field', /"(stacktrace|stack|exception)"\s*:/],
];

/**
 * The problems with one answer, empty when it is a well-formed error:
 * - a status the case allows, never 5xx; 200 only for a GraphQL request in a readable body, and
 *   then with a non-empty `errors` and, for a mutation, no data;
 * - a JSON body `{ errors: [{ message, extensions: { code } }] }` (empty for HEAD);
 * - nothing that leaks: no stack, source path, SQL, nor the address of another service.
 */
export function problemsOf(c: FuzzCase, res: RawResponse, foreignAddresses: string[]): string[] {
  const problems: string[] = [];
  const allowed = c.graphql ? c.allowed : c.allowed.filter((s) => s !== 200);
  if (!allowed.includes(res.status)) problems.push(`status ${res.status} not in [${allowed.join(', ')}]`);
  if (c.request.method === 'HEAD') {
    if (res.body.length) problems.push('HEAD answered with a body');
    return problems;
  }
  const type = res.headers['content-type'] ?? '';
  if (!/^application\/(graphql-response\+)?json\b/.test(type)) problems.push(`content-type ${JSON.stringify(type)}`);
  const text = res.body.toString('utf8');
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`body is not JSON: ${JSON.stringify(text.slice(0, 120))}`);
    return problems;
  }
  const errors = body?.errors;
  if (!Array.isArray(errors) || errors.length === 0) problems.push('no errors in the body');
  else {
    for (const e of errors) {
      if (typeof e?.message !== 'string' || !e.message) problems.push('an error without a message');
      if (typeof e?.extensions?.code !== 'string' || !/^[A-Z_]+$/.test(e.extensions.code)) problems.push(`an error without a code: ${JSON.stringify(e).slice(0, 200)}`);
      if (e?.extensions?.code === 'INTERNAL_SERVER_ERROR') problems.push(`an internal error: ${e.message}`);
    }
  }
  if (c.mutation && body?.data && Object.values(body.data).some((v) => v !== null)) problems.push(`a mutation answered data: ${JSON.stringify(body.data).slice(0, 200)}`);
  for (const [what, pattern] of LEAKS) if (pattern.test(text)) problems.push(`leaks a ${what}: ${JSON.stringify(text.match(pattern)?.[0])}`);
  for (const address of foreignAddresses) if (text.includes(address)) problems.push(`leaks the address of another service: ${address}`);
  return problems;
}
