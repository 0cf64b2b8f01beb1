// GraphQL-shaped defects: a JSON object a GraphQL server reads, that it must refuse (wrong
// variable types, broken mutation inputs, syntax and validation errors, unknown operations, bad
// top-level fields, huge and deep values).
import { createHash } from 'node:crypto';
import type { TargetSpec } from './cases';
import { MUTATIONS, READS } from './mutations';
import type { Random } from './prng';
import { weirdText, withLoneSurrogates } from './text';

type Payload = { body: Record<string, unknown>; kind: string; mutation?: boolean; persona?: string; deep?: string };

export function wrongVariableType(rng: Random, target: TargetSpec): Payload {
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

export function brokenMutation(rng: Random, target: TargetSpec): Payload {
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

export function syntaxError(rng: Random): Payload {
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

export function unknownField(rng: Random): Payload {
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

export function operationProblems(rng: Random): Payload {
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

export const GRAPHQL_DEFECTS = [wrongVariableType, brokenMutation, syntaxError, unknownField, operationProblems, badTopLevel, hugeInside, deepSelection, deepVariables];

/** Serialises a payload, splicing in lone surrogates and hand-made deep values JSON.stringify cannot write. */
export function payloadText(payload: Payload, rng: Random): string {
  let text = JSON.stringify(payload.body);
  if (payload.deep) text = text.replace('"__DEEP__"', payload.deep);
  return withLoneSurrogates(text, rng);
}
