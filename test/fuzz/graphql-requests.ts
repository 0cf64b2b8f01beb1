// The GraphQL defects sent as requests: in a well-formed POST body, or as GET parameters.
import { json, type FuzzCase, type TargetSpec } from './cases';
import { GRAPHQL_DEFECTS, brokenMutation, operationProblems, payloadText, syntaxError, unknownField, wrongVariableType } from './graphql-defects';
import { headersFor } from './headers';
import type { Random } from './prng';

/** A request that is well-formed HTTP carrying a JSON object a GraphQL server reads. */
export function graphqlCase(rng: Random, target: TargetSpec): FuzzCase {
  const payload = rng.pick(GRAPHQL_DEFECTS)(rng, target);
  const persona = payload.persona ?? target.defaultPersona;
  const { headers, authBroken, acceptJunk } = headersFor(rng, target, persona, json);
  const encoded = headers.some(([n]) => n === 'content-encoding');
  const body = Buffer.from(payloadText(payload, rng), 'utf8');
  headers.push(['content-length', String(body.length)]);
  return {
    kind: payload.kind,
    request: { method: 'POST', target: '/graphql', headers, body },
    // Over the gateway's body limit (256 KiB by default; the subgraphs' is 1 MB): 413 is right too.
    allowed: authBroken ? [401] : [200, 400, ...(encoded ? [415] : []), ...(acceptJunk ? [406] : []), ...(body.length > 250_000 ? [413] : [])],
    graphql: !authBroken,
    mutation: payload.mutation ?? false,
  };
}

/** The same defects sent as GET parameters (small ones: the request line counts toward header limits). */
export function getCase(rng: Random, target: TargetSpec): FuzzCase {
  const payload = rng.pick([wrongVariableType, syntaxError, unknownField, operationProblems, brokenMutation])(rng, target);
  const { headers, authBroken, acceptJunk } = headersFor(rng, target, payload.persona ?? target.defaultPersona, undefined);
  if (rng.chance(0.7)) headers.push(['apollo-require-preflight', 'true']);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(payload.body)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  let search = params.toString();
  if (search.length > 6000) search = search.slice(0, 6000);
  if (rng.chance(0.1)) search += rng.pick(['&query=%', '&variables=%7B', '&query=%00', '&&&=']);
  return {
    kind: `get-${payload.kind}`,
    request: { method: 'GET', target: `/graphql?${search}`, headers },
    allowed: authBroken ? [401] : acceptJunk ? [200, 400, 405, 406] : [200, 400, 405],
    graphql: !authBroken,
    mutation: payload.mutation ?? false,
  };
}
