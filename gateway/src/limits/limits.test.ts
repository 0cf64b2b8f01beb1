// The defaults measured against the queries the project documents: each of docs/queries.md and the
// README's country brief passes every limit, with the headroom the config's comments claim.
import { readFileSync } from 'node:fs';
import { buildSchema, getIntrospectionQuery, parse, validate, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../config';
import { armorRules } from './armor';
import { operationCost } from './cost';
import { fieldDuplicationRule } from './field-duplication';
import { introspectionDepthRule } from './introspection-depth';
import { LIMIT_CODE } from './limit-error';
import { rootFieldsRule } from './root-fields';

const root = new URL('../../../', import.meta.url);
const schema = buildSchema(readFileSync(new URL('schema/api.graphql', root), 'utf8'));
const defaults = parseGatewayConfig({}).limits;

/** Every `graphql` block of docs/queries.md and README.md, with the variables that follow it. */
function documentedQueries(): { name: string; query: string; variables?: Record<string, unknown> }[] {
  const found = [];
  for (const file of ['docs/queries.md', 'README.md']) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const m of text.matchAll(/```graphql\n([\s\S]*?)```(?:\s*Variables:\s*```json\n([\s\S]*?)```)?/g)) {
      found.push({ name: `${file}: ${m[1].slice(0, 40).replace(/\s+/g, ' ')}`, query: m[1], variables: m[2] ? JSON.parse(m[2]) : undefined });
    }
  }
  return found;
}

const rules = (limits = defaults): ValidationRule[] => [
  ...armorRules(limits),
  introspectionDepthRule(),
  rootFieldsRule(limits.rootFields),
  fieldDuplicationRule(),
];
const refusals = (query: string, limits = defaults) =>
  validate(schema, parse(query), rules(limits)).filter((e) => e.extensions.code === LIMIT_CODE).map((e) => e.extensions.limit);

describe('the default limits', () => {
  const queries = documentedQueries();
  it('find the documented queries', () => expect(queries.length).toBeGreaterThanOrEqual(18));

  it.each(queries.map((q) => [q.name, q] as const))('admit %s, at under two thirds of the cost limit', (_name, q) => {
    expect(refusals(q.query)).toEqual([]);
    expect(parse(q.query, { maxTokens: defaults.tokens })).toBeTruthy();
    expect(operationCost(schema, parse(q.query), q.variables)).toBeLessThan((defaults.cost * 2) / 3);
  });

  it("admit the explorer's introspection query", () => {
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
    expect(refusals(query)).toEqual([]);
    expect(parse(query, { maxTokens: defaults.tokens })).toBeTruthy();
    expect(operationCost(schema, parse(query))).toBeLessThan(defaults.cost);
  });
});

describe('the cost model', () => {
  it('multiplies a selection by the page size asked for', () => {
    const cost = (first: number) => operationCost(schema, parse(`{ dependencies(first: ${first}) { edges { node { id asset { name } } } } }`));
    expect(cost(20)).toBe(1 + 20 * 5);
    expect(cost(100)).toBe(1 + 100 * 5);
    expect(cost(1)).toBe(6);
  });

  it('takes the page size from variables, and the default page size when none is given', () => {
    const query = parse('query Q($n: Int) { dependencies(first: $n) { edges { node { id } } } }');
    expect(operationCost(schema, query, { n: 50 })).toBe(1 + 50 * 3);
    expect(operationCost(schema, query, {})).toBe(1 + 20 * 3);
  });

  it('multiplies nested pages, and lists of objects without a page size by ten', () => {
    // 1 sectors + 10 x (1 code + 1 threatProducts + 100 x (1 edges + 1 node + 1 trackingId))
    expect(operationCost(schema, parse('{ sectors { code threatProducts(first: 100) { edges { node { trackingId } } } } }'))).toBe(
      1 + 10 * (1 + 1 + 100 * 3),
    );
  });
});

describe('the rules', () => {
  it('count root fields through nested fragments, and aliases as root fields', () => {
    const query = `{ a: countries(first: 1) { totalCount } ...A } fragment A on Query { ... on Query { ...B } b: sectors { code } }
      fragment B on Query { c: countries(first: 1) { totalCount } }`;
    expect(refusals(query, { ...defaults, rootFields: 3 })).toEqual([]);
    expect(refusals(query, { ...defaults, rootFields: 2 })).toEqual(['root fields']);
  });

  it('refuse circular introspection but not the standard query', () => {
    expect(refusals('{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }')).toEqual(['introspection depth']);
    expect(refusals('{ __schema { types { fields { type { fields { name } } } } } }')).toEqual([]);
    // A recursive fragment is refused by the spec's NoFragmentCyclesRule; ours must just not loop.
    const cyclic = '{ __schema { ...T } } fragment T on __Schema { types { ...F } } fragment F on __Type { fields { type { ...F } } }';
    expect(refusals(cyclic)).toEqual([]);
    expect(validate(schema, parse(cyclic)).some((e) => /Cannot spread fragment "F" within itself/.test(e.message))).toBe(true);
  });

  it('refuse a field written more than five times in one selection set', () => {
    expect(refusals(`{ ${'__typename '.repeat(5)} }`)).toEqual([]);
    expect(refusals(`{ ${'__typename '.repeat(6)} }`)).toEqual(['field duplication']);
  });

  it('stay linear on a fragment bomb', () => {
    // Each fragment spreads the next one twice: 2^40 selections once expanded, 200 tokens sent.
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`);
    const query = `{ ...F0 } ${fragments.join(' ')} fragment F40 on Query { countries(first: 100) { totalCount } }`;
    const started = Date.now();
    validate(schema, parse(query), rules());
    expect(() => operationCost(schema, parse(query))).toThrow(/maximum allowed number of nodes/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
