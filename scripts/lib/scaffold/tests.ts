import { tsString, type Names } from './names';

const header = (n: Names) => `import type { Principal } from '@iag/kit';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ${n.pascal}Schema } from '../src/db/schema';
import { ${n.name}Main } from '../src/main';

const anonymous: Principal = { kind: 'ANONYMOUS', scopes: [] };
const partnerNl: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const codes = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

// A subgraph of its own on a fresh database (PGlite in memory, or PostgreSQL with TEST_DATABASE_URL),
// seeded with the demo rows, called with internal tokens as the gateway would.
let subgraph: StartedSubgraph<${n.pascal}Schema>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(${n.name}Main);
});
afterAll(() => subgraph?.close());
`;

/** `test/<name>.test.ts`: reads, the Country extension, references and access. */
export const readTestTs = (n: Names) => `${header(n)}
const COUNTRY_SITES = \`query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Country { code ${n.entityListField}(first: 5) { totalCount edges { node { id name } } } } } }\`;

describe('${n.name} subgraph', () => {
  it('answers a site by id, with its country as a key State completes', async () => {
    const { body } = await subgraph.post('{ ${n.entityField}(id: "${n.name}-nl-1") { id name countryCode country { code } version } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.${n.entityField}).toEqual({ id: ${tsString(`${n.name}-nl-1`)}, name: 'Maasvlakte harbour site', countryCode: 'NL', country: { code: 'NL' }, version: 1 });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const { body } = await subgraph.post('{ ${n.entityField}(id: "nope") { id } }');
    expect(body.data.${n.entityField}).toBeNull();
    expect(codes(body.errors)).toEqual(['NOT_FOUND']);
  });

  it('lists sites by name, filters by country and pages', async () => {
    const all = await subgraph.post('{ ${n.entityListField}(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }');
    expect(all.body.data.${n.entityListField}.totalCount).toBe(4);
    expect(all.body.data.${n.entityListField}.edges.map((e: any) => e.node.name)).toEqual(['Eemshaven site', 'Maasvlakte harbour site']);
    expect(all.body.data.${n.entityListField}.pageInfo.hasNextPage).toBe(true);
    const next = await subgraph.post('query($after: String) { ${n.entityListField}(first: 2, after: $after) { edges { node { name } } } }', {
      after: all.body.data.${n.entityListField}.pageInfo.endCursor,
    });
    expect(next.body.data.${n.entityListField}.edges.map((e: any) => e.node.name)).toEqual(['Wilhelmshaven site', 'Yokohama bay site']);
    const nl = await subgraph.post('{ ${n.entityListField}(country: "nl") { totalCount } }');
    expect(nl.body.data.${n.entityListField}.totalCount).toBe(2);
  });

  it('adds ${n.entityListField} to Country, many countries in two SQL statements (the pages, and the totals asked for)', async () => {
    const before = subgraph.database.stats.statements;
    const { body } = await subgraph.post(COUNTRY_SITES, { r: [{ __typename: 'Country', code: 'NL' }, { __typename: 'Country', code: 'GB' }] });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities.map((c: any) => [c.code, c.${n.entityListField}.totalCount])).toEqual([['NL', 2], ['GB', 0]]);
    expect(subgraph.database.stats.statements - before).toBe(2);
  });

  it('resolves ${n.entity} references through _entities, null for an unknown id', async () => {
    const { body } = await subgraph.post('query($r: [_Any!]!) { _entities(representations: $r) { ... on ${n.entity} { id countryCode } } }', {
      r: [{ __typename: '${n.entity}', id: ${tsString(`${n.name}-de-1`)} }, { __typename: '${n.entity}', id: 'nope' }],
    });
    expect(body.data._entities).toEqual([{ id: ${tsString(`${n.name}-de-1`)}, countryCode: 'DE' }, null]);
  });
});

describe('access (src/access.ts)', () => {
  it.each([
    ['an anonymous caller', anonymous, 'UNAUTHENTICATED'],
    ['a partner', partnerNl, 'FORBIDDEN'],
  ] as const)('refuses %s on every read path', async (_label, principal, code) => {
    const list = await subgraph.post('{ ${n.entityListField} { totalCount } }', undefined, principal);
    expect(codes(list.body.errors)).toEqual([code]);
    const one = await subgraph.post('{ ${n.entityField}(id: "${n.name}-nl-1") { id } }', undefined, principal);
    expect(codes(one.body.errors)).toEqual([code]);
    // On Country the field is null with one error: the rest of the country still arrives.
    const country = await subgraph.post(COUNTRY_SITES, { r: [{ __typename: 'Country', code: 'NL' }] }, principal);
    expect(country.body.data._entities).toEqual([{ code: 'NL', ${n.entityListField}: null }]);
    expect(codes(country.body.errors)).toEqual([code]);
  });
});
`;

/** `test/site.mutation.test.ts`: the create mutation: validation, idempotency, audit, access. */
export const mutationTestTs = (n: Names) => `${header(n).replace(
  "import { afterAll",
  "import { auditLog } from '@iag/kit/audit-table';\nimport { count, eq } from '@iag/kit/orm';\nimport { afterAll",
).replace(`import type { ${n.pascal}Schema } from '../src/db/schema';`, `import { sites, type ${n.pascal}Schema } from '../src/db/schema';`)}
const writer: Principal = { kind: 'US_GOVERNMENT', sub: '${n.name}:analyst-1', agency: ${tsString(n.agency)}, scopes: [${tsString(n.writeScope)}] };
const reader: Principal = { kind: 'US_GOVERNMENT', sub: 'cisa:reader', agency: 'CISA', scopes: [] };
const CREATE = \`mutation($input: Create${n.entity}Input!, $key: String) {
  create${n.entity}(input: $input, idempotencyKey: $key) { id name countryCode sectorCode description version } }\`;
const valid = { name: 'Gdańsk north port site', country: 'pl', sectorCode: 'ENERGY', description: 'Invented for a test.' };
const fields = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.field).sort();

async function counts() {
  const [{ rows }] = await subgraph.database.db.select({ rows: count() }).from(sites);
  const [{ audit }] = await subgraph.database.db.select({ audit: count() }).from(auditLog).where(eq(auditLog.operation, 'create${n.entity}'));
  return { rows, audit };
}

describe('create${n.entity}', () => {
  it('creates a site that reads back, with one audit record', async () => {
    const before = await counts();
    const { body } = await subgraph.post(CREATE, { input: valid }, writer);
    expect(body.errors).toBeUndefined();
    const created = body.data.create${n.entity};
    expect(created).toMatchObject({ name: valid.name, countryCode: 'PL', sectorCode: 'ENERGY', version: 1 });
    const read = await subgraph.post('query($id: ID!) { ${n.entityField}(id: $id) { id name } }', { id: created.id });
    expect(read.body.data.${n.entityField}).toEqual({ id: created.id, name: valid.name });
    expect(await counts()).toEqual({ rows: before.rows + 1, audit: before.audit + 1 });
  });

  it('replays the same idempotency key: one row', async () => {
    const before = await counts();
    const first = await subgraph.post(CREATE, { input: { ...valid, name: 'Replayed site' }, key: 'k-1' }, writer);
    const again = await subgraph.post(CREATE, { input: { ...valid, name: 'Replayed site' }, key: 'k-1' }, writer);
    expect(again.body.data.create${n.entity}.id).toBe(first.body.data.create${n.entity}.id);
    expect((await counts()).rows).toBe(before.rows + 1);
  });

  const bad: [string, Record<string, unknown>, string[]][] = [
    ['an empty name', { name: ' ' }, ['input.name']],
    ['a 201-character name', { name: 'x'.repeat(201) }, ['input.name']],
    ['a malformed country', { country: 'NLD' }, ['input.country']],
    ['an unknown sector', { sectorCode: 'SPACE' }, ['input.sectorCode']],
    ['a 2001-character description', { description: 'd'.repeat(2001) }, ['input.description']],
    ['several bad fields at once', { name: '', country: '1', sectorCode: 'X' }, ['input.country', 'input.name', 'input.sectorCode']],
  ];
  it.each(bad)('refuses %s with one BAD_USER_INPUT per field, writing nothing', async (_label, change, expected) => {
    const before = await counts();
    const { body } = await subgraph.post(CREATE, { input: { ...valid, ...change } }, writer);
    expect(body.data).toBeNull();
    expect(fields(body.errors)).toEqual(expected);
    expect(new Set(codes(body.errors))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an anonymous caller', anonymous, 'UNAUTHENTICATED'],
    ['a partner', partnerNl, 'FORBIDDEN'],
    ['a US principal without ${n.writeScope}', reader, 'FORBIDDEN'],
  ] as const)('refuses %s', async (_label, principal, code) => {
    const before = await counts();
    const { body } = await subgraph.post(CREATE, { input: valid }, principal);
    expect(codes(body.errors)).toEqual([code]);
    expect(await counts()).toEqual(before);
  });
});
`;
