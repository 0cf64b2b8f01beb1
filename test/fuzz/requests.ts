// Generators of malformed requests. Every case is wrong in at least one way that no server may
// accept (a syntax error, a wrong variable type, a broken mutation input, an unreadable body...),
// then decorated with noise (unicode, NUL bytes, junk extensions, long headers), so that "every
// answer is an error" is a fair oracle: a 200 with data and no errors means a case got through.
import { createHash } from 'node:crypto';
import type { Random } from './prng';
import type { RawRequest } from './raw-http';

/** One writing mutation, with a base input and the breaks that must make it fail before writing. */
export interface MutationSample {
  subgraph: string;
  /** The persona (gateway/src/auth/personas.ts) whose scopes let it reach input validation. */
  persona: string;
  field: string;
  query: string;
  input: Record<string, unknown>;
  /** Each one alone makes the input invalid: a value of the right type that validation refuses. */
  breaks: Record<string, unknown>[];
}

const mutation = (field: string, type: string) =>
  `mutation Fuzz($input: ${type}!, $key: String) { ${field}(input: $input, idempotencyKey: $key) { __typename } }`;

/** Real mutations of schema/*.graphql, each with breaks its validation refuses (nothing written). */
export const MUTATIONS: MutationSample[] = [
  {
    subgraph: 'cisa',
    persona: 'cisa-analyst',
    field: 'createAsset',
    query: mutation('createAsset', 'CreateAssetInput'),
    input: { name: 'Fuzz cable landing', kind: 'CABLE_LANDING', countryCode: 'NL', latitude: 52.1, longitude: 4.3 },
    breaks: [{ latitude: 500 }, { longitude: -999 }, { name: '' }, { technologies: Array.from({ length: 60 }, (_, i) => `t${i}`) }, { sectorCodes: ['x'] }],
  },
  {
    subgraph: 'cisa',
    persona: 'cisa-analyst',
    field: 'createDependency',
    query: mutation('createDependency', 'CreateDependencyInput'),
    input: { assetId: 'asset-1', sectorCode: 'ENERGY', kind: 'PHYSICAL', coupling: 'TIGHT', criticality: 3, substitutability: 'LOW' },
    breaks: [{ criticality: 0 }, { criticality: 99 }, { sectorCode: 'x' }],
  },
  {
    subgraph: 'cisa',
    persona: 'cisa-analyst',
    field: 'draftThreatProduct',
    query: mutation('draftThreatProduct', 'DraftThreatProductInput'),
    input: { trackingId: 'FZ26-001A', kind: 'ADVISORY', title: 'Fuzz advisory', summary: 'Fuzz', tlp: 'CLEAR' },
    breaks: [{ trackingId: 'not a tracking id' }, { title: '' }, { title: 'x'.repeat(400) }],
  },
  {
    subgraph: 'dhs',
    persona: 'dhs-coordinator',
    field: 'createEngagement',
    query: `mutation Fuzz($input: CreateEngagementInput!, $key: String) { createEngagement(input: $input, idempotencyKey: $key) { engagement { id } } }`,
    input: { title: 'Fuzz exchange', kind: 'TECHNICAL_EXCHANGE', leadAgency: 'DHS', country: 'NL', startsOn: '2027-03-01', strategicGoal: 3 },
    breaks: [{ strategicGoal: 7 }, { strategicGoal: 0 }, { title: '' }, { endsOn: '2027-02-01' }, { leadAgency: 'not an agency' }],
  },
  {
    subgraph: 'state',
    persona: 'state-officer',
    field: 'createOrganization',
    query: mutation('createOrganization', 'CreateOrganizationInput'),
    input: { name: 'Fuzz regulator', kind: 'REGULATOR', country: 'NL', website: 'https://fuzz.example' },
    breaks: [{ name: '' }, { website: 'http://not-https.example' }, { name: 'x'.repeat(250) }],
  },
  {
    subgraph: 'state',
    persona: 'state-officer',
    field: 'recordAgreement',
    query: mutation('recordAgreement', 'RecordAgreementInput'),
    input: { title: 'Fuzz MOU', kind: 'MEMORANDUM_OF_UNDERSTANDING', status: 'IN_FORCE', usAgencies: ['STATE'], parties: ['nl-ncsc'], maxTlp: 'GREEN' },
    breaks: [{ parties: [] }, { title: '' }],
  },
  {
    subgraph: 'partners',
    persona: 'cisa-analyst',
    field: 'recordMaturityAssessment',
    query: mutation('recordMaturityAssessment', 'RecordMaturityAssessmentInput'),
    input: { organizationId: 'nl-ncsc', level: 3, assessedOn: '2026-01-20', method: 'CISA_ASSESSMENT' },
    breaks: [{ level: 9 }, { level: 0 }, { assessedOn: '2999-01-01' }],
  },
  {
    subgraph: 'partners',
    persona: 'partner-nl',
    field: 'reportSighting',
    query: mutation('reportSighting', 'ReportSightingInput'),
    input: { productId: 'tp-34', kind: 'INDICATOR_SEEN', indicatorValue: '203.0.113.9', observedAt: '2026-01-20T10:00:00Z', count: 2 },
    breaks: [{ count: 0 }, { count: 2_000_000 }, { observedAt: '1999-01-01T00:00:00Z' }, { observedAt: '2999-01-01T00:00:00Z' }],
  },
];

/** A read field the target serves, with an `ID!` argument and a list with `first: Int`. */
export const READS: Record<string, { one: string; list: string }> = {
  cisa: { one: 'asset', list: 'assets' },
  dhs: { one: 'engagement', list: 'engagements' },
  state: { one: 'agreement', list: 'agreements' },
  partners: { one: 'delivery', list: 'deliveries' },
};

/** What the generators need to know of a target. */
export interface TargetSpec {
  name: string;
  kind: 'gateway' | 'subgraph';
  /** The subgraphs it serves: all four for the gateway, itself for a subgraph. */
  serves: string[];
  /** The bearer token of a request as `persona` (undefined: no authorization header). */
  token(persona: string): string | undefined;
  /** A persona to use for requests that are not mutations. */
  defaultPersona: string;
  /** Authorization values that must be refused with 401 (a subgraph's "no token" among them). */
  badAuthorizations: (string | undefined)[];
}

export interface FuzzCase {
  kind: string;
  request: RawRequest;
  /** Statuses this case may be answered with; no 5xx ever. */
  allowed: number[];
  /** A GraphQL request in a readable body: a 200 carrying `errors` is a fair answer. */
  graphql: boolean;
  /** A mutation: its answer must carry no data. */
  mutation: boolean;
}

// ---------------------------------------------------------------------------------------------
// Strings

const ASTRAL = ['😀', '𝔘', '𠜎', '🇳🇱', '🏳️‍🌈'];
const RTL = ['\u202e', 'مرحبا', 'שלום', '\u200f'];
const COMBINING = ['e\u0301', 'Z\u0351\u0324\u0353\u032b', '\u0300\u0300\u0300'];
const CONTROL = ['\u0000', '\u0001', '\u001b[31m', '\u007f', '\ufeff', '\u2028', '\uffff'];

/** A short string of awkward characters, JSON-safe (no lone surrogates: those are sent as escapes). */
export function weirdText(rng: Random, length = rng.int(1, 12)): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += rng.pick([
      () => rng.pick(ASTRAL),
      () => rng.pick(RTL),
      () => rng.pick(COMBINING),
      () => rng.pick(CONTROL),
      () => String.fromCharCode(rng.int(0x20, 0x7e)).replace(/[\\"]/, ''),
      () => String.fromCharCode(rng.int(0xa0, 0xd7ff)),
    ])();
  }
  return out;
}

/** Replaces `"__LONE__"`-style markers by lone surrogate escapes, which JSON.stringify never writes. */
function withLoneSurrogates(json: string, rng: Random): string {
  return json.replace(/__LONE__/g, () => rng.pick(['\\ud800', '\\udfff', '\\ud83d', '\\udc00x', '\\ud800\\ud800']));
}

// ---------------------------------------------------------------------------------------------
// GraphQL-shaped defects: a JSON object a GraphQL server reads, that it must refuse.

type Payload = { body: Record<string, unknown>; kind: string; mutation?: boolean; persona?: string; deep?: string };

function wrongVariableType(rng: Random, target: TargetSpec): Payload {
  const sub = rng.pick(target.serves);
  const read = READS[sub];
  const [declared, use, bad] = rng.pick<[string, string, unknown[]]>([
    ['ID!', `${read.one}(id: $v) { __typename }`, [{ id: 'x' }, ['a', 'b'], true, null, 1.5, { __LONE__: 1 }]],
    ['Int', `${read.list}(first: $v) { totalCount }`, ['12', 1.5, 2 ** 40, -(2 ** 53), {}, [1], true, 'NaN', '1e3']],
    ['Int!', `${read.list}(first: $v) { totalCount }`, [null, '', 'ten', [[]]]],
    ['String!', `__type(name: $v) { name }`, [1, {}, [], null, false, { a: weirdText(rng) }]],
    ['Boolean', `__typename`, ['true', 1, 0, {}, 'yes']],
    ['Float', `__typename`, ['NaN', 'Infinity', {}, '1.5', [1.5]]],
  ]);
  const value = rng.pick(bad);
  return {
    kind: 'wrong-variable-type',
    body: { query: `query Fuzz($v: ${declared}) { ${use} }`, variables: { v: value }, operationName: 'Fuzz' },
  };
}

function brokenMutation(rng: Random, target: TargetSpec): Payload {
  const sample = rng.pick(MUTATIONS.filter((m) => target.serves.includes(m.subgraph)));
  const broken = rng.pick(sample.breaks);
  const input: Record<string, unknown> = { ...sample.input, ...broken };
  // Noise on top of the break, never on the broken field itself (noise there could mend it):
  // unicode text, a wrong type, a missing field, an unknown field.
  const others = Object.keys(input).filter((k) => !(k in broken));
  const noise = rng.int(0, 4);
  if (noise === 1) {
    for (const k of others) if (typeof input[k] === 'string' && rng.chance(0.5)) input[k] = weirdText(rng);
  } else if (noise === 2 && others.length) {
    input[rng.pick(others)] = rng.pick([{ nested: { deep: [1, 2] } }, [null], 12.5, '__LONE__', null]);
  } else if (noise === 3 && others.length) {
    delete input[rng.pick(others)];
  } else if (noise === 4) {
    input.unknownField = weirdText(rng);
  }
  const key = rng.chance(0.5) ? `fuzz-${rng.int(0, 1e9)}` : rng.pick([weirdText(rng), 'x'.repeat(rng.int(1, 5000)), '']);
  return { kind: 'broken-mutation', mutation: true, persona: sample.persona, body: { query: sample.query, variables: { input, key }, operationName: 'Fuzz' } };
}

function syntaxError(rng: Random): Payload {
  const query = rng.pick([
    () => `{ ${weirdText(rng)} @ }`,
    () => `query { __typename ${'{'.repeat(rng.int(1, 50))}`,
    () => `query Fuzz($v: ) { __typename }`,
    () => `{ __typename }}}`,
    () => `{ __typename \u0000 }`,
    () => `mutation { }`,
    // A name cannot start with a digit: whatever the text, this never parses.
    () => `query 9${weirdText(rng)} { __typename }`,
    () => `{ __typename(arg: "unterminated }`,
    () => `{ __typename @${'x'.repeat(rng.int(1, 2000))}( }`,
    () => `fragment F on Query { __typename } { ...F ...F ...`,
    () => '"""'.repeat(3),
    () => `{ a: ${'b: '.repeat(rng.int(2, 400))} }`,
  ])();
  return { kind: 'syntax-error', body: { query } };
}

function unknownField(rng: Random): Payload {
  const name = rng.pick(['nope', 'userPassword', 'asset_', '__schemaX', `f${rng.int(0, 99999)}`]);
  const query = rng.pick([
    `{ ${name} }`,
    `{ __typename ${name} { id } }`,
    `query Fuzz($v: NoSuchType) { __typename }`,
    `subscription { __typename }`,
    `{ __typename(arg: 1) }`,
    `{ __type(name: "Query") { fields { ${name} } } }`,
    `{ ...Missing }`,
  ]);
  return { kind: 'validation-error', body: { query } };
}

function operationProblems(rng: Random): Payload {
  const which = rng.int(0, 4);
  if (which === 0) return { kind: 'unknown-operation', body: { query: 'query A { __typename } query B { __typename }', operationName: rng.pick(['C', '', weirdText(rng), '__LONE__']) } };
  if (which === 1) return { kind: 'unknown-operation', body: { query: 'query A { __typename } query B { __typename }' } };
  if (which === 2) return { kind: 'multiple-anonymous', body: { query: '{ __typename } { __typename }' } };
  if (which === 3) return { kind: 'unknown-operation', body: { query: 'query A { __typename }', operationName: rng.pick(['B', 'a', 'A '.repeat(200)]) } };
  return { kind: 'unknown-operation', body: { query: 'query A { __typename }', operationName: rng.pick([1, ['A'], { A: true }, true]) } };
}

function badTopLevel(rng: Random): Payload {
  const which = rng.int(0, 5);
  if (which === 0) return { kind: 'query-not-string', body: { query: rng.pick([1, 1.5, ['{ __typename }'], { query: '{ __typename }' }, true, null]) } };
  if (which === 1) return { kind: 'variables-not-object', body: { query: 'query($v: Int) { __typename }', variables: rng.pick(['{"v":1}', [1], 7, true]) } };
  if (which === 2) return { kind: 'missing-query', body: rng.pick([{}, { variables: {} }, { operationName: 'A' }, { query: '' }, { query: '   ' }]) };
  if (which === 3) return { kind: 'extensions-junk', body: { extensions: rng.pick([{ a: 1 }, 'junk', [1, 2], { persistedQuery: 'x' }, { persistedQuery: { version: 2 } }]) } };
  if (which === 4) {
    // A hash no one has sent the query for, or a query that does not match its hash.
    const query = `{ __typename f${rng.int(0, 1e6)} }`;
    const hash = createHash('sha256').update(rng.chance(0.5) ? query : 'other').digest('hex');
    return rng.chance(0.5)
      ? { kind: 'persisted-query', body: { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } }
      : { kind: 'persisted-query', body: { query, extensions: { persistedQuery: { version: 1, sha256Hash: rng.pick([hash, 'ab', weirdText(rng)]) } } } };
  }
  return { kind: 'extensions-junk', body: { query: `{ nope${rng.int(0, 99)} }`, extensions: { junk: weirdText(rng), list: Array.from({ length: rng.int(0, 1000) }, (_, i) => i) } } };
}

function hugeInside(rng: Random, target: TargetSpec): Payload {
  const which = rng.int(0, 3);
  if (which === 0) {
    // A large list for a scalar variable (under the body limit, so it reaches variable coercion).
    const length = rng.int(10_000, 100_000);
    return { kind: 'huge-list', body: { query: 'query Fuzz($v: Int) { __typename }', variables: { v: Array.from({ length }, (_, i) => i) } } };
  }
  if (which === 1) {
    const sample = rng.pick(MUTATIONS.filter((m) => target.serves.includes(m.subgraph)));
    const input = { ...sample.input, ...sample.breaks[0], extra: Array.from({ length: rng.int(1000, 30_000) }, () => 'nl-ncsc') };
    return { kind: 'huge-list', mutation: true, persona: sample.persona, body: { query: sample.query, variables: { input } } };
  }
  if (which === 2) return { kind: 'huge-string', body: { query: `{ __type(name: "${'Q'.repeat(rng.int(100_000, 900_000))}") { name } nope }` } };
  return { kind: 'huge-string', body: { query: 'query Fuzz($v: Int) { __typename }', variables: { v: weirdText(rng, 20) + 'x'.repeat(rng.int(100_000, 800_000)) } } };
}

function deepSelection(rng: Random): Payload {
  const depth = rng.pick([100, 1000, 5000, 20_000]);
  const balanced = rng.chance(0.5);
  const query = `{ ${'a { '.repeat(depth)}b${balanced ? ' }'.repeat(depth) : ''} }`;
  return { kind: 'deep-selection', body: { query } };
}

function deepVariables(rng: Random): Payload {
  const depth = rng.pick([100, 10_000, 100_000]);
  // Made by hand: JSON.stringify itself would overflow on 100k levels. Spliced in by payloadText.
  const deep = rng.chance(0.5) ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return { kind: 'deep-variables', body: { query: 'query Fuzz($v: String) { __typename }', variables: { v: '__DEEP__' } }, deep };
}

const GRAPHQL_DEFECTS = [wrongVariableType, brokenMutation, syntaxError, unknownField, operationProblems, badTopLevel, hugeInside, deepSelection, deepVariables];

/** Serialises a payload, splicing in lone surrogates and hand-made deep values JSON.stringify cannot write. */
function payloadText(payload: Payload, rng: Random): string {
  let text = JSON.stringify(payload.body);
  if (payload.deep) text = text.replace('"__DEEP__"', payload.deep);
  return withLoneSurrogates(text, rng);
}

// ---------------------------------------------------------------------------------------------
// Requests

const json = 'application/json';

function headersFor(rng: Random, target: TargetSpec, persona: string, contentType: string | undefined): { headers: [string, string][]; authBroken: boolean; acceptJunk: boolean } {
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

/** A request that is well-formed HTTP carrying a JSON object a GraphQL server reads. */
function graphqlCase(rng: Random, target: TargetSpec): FuzzCase {
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
function getCase(rng: Random, target: TargetSpec): FuzzCase {
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

const VALID_BODY = '{"query":"{ __typename }"}';

/** Requests refused before any GraphQL runs: the body, its type, the method, its size, the path. */
function httpCase(rng: Random, target: TargetSpec): FuzzCase {
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
function protocolCase(rng: Random, target: TargetSpec): FuzzCase {
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

/** `count` cases for a target, reproducible from the generator's seed. */
export function generateCases(rng: Random, target: TargetSpec, count: number): FuzzCase[] {
  return Array.from({ length: count }, () => {
    const r = rng.fork();
    const roll = r.float();
    if (roll < 0.55) return graphqlCase(r, target);
    if (roll < 0.65) return getCase(r, target);
    if (roll < 0.93) return httpCase(r, target);
    return protocolCase(r, target);
  });
}
