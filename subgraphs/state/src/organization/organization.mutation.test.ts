import { IDEMPOTENCY_KEY_HOURS, idempotencyKeys, purgeExpiredIdempotencyKeys, type Principal } from '@iag/kit';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { auditLog } from '@iag/kit/audit-table';
import { and, count, eq, inArray, sql } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, type StateSchema } from '../db/schema';
import { stateMain } from '../main';

const partnerNl: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const usReader: Principal = { kind: 'US_GOVERNMENT', sub: 'cisa:reader', agency: 'CISA', scopes: ['audit:read'] };
const anonymous: Principal = { kind: 'ANONYMOUS', scopes: [] };

const FIELDS = 'id name acronym kind country { code } website description version';
const CREATE = `mutation($input: CreateOrganizationInput!, $key: String) {
  createOrganization(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateOrganizationInput!, $key: String) {
  updateOrganization(id: $id, expectedVersion: $v, input: $input, idempotencyKey: $key) { ${FIELDS} } }`;

let subgraph: StartedSubgraph<StateSchema>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(stateMain);
});
afterAll(() => subgraph?.close());

const valid = { name: 'Agence nationale de la sécurité des systèmes d’information', acronym: 'ANSSI', kind: 'NATIONAL_CSIRT', country: 'FR', website: 'https://cyber.gouv.fr' };
const codes = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);
const fields = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.field).sort();

async function organizationCount() {
  const [{ n }] = await subgraph.database.db.select({ n: count() }).from(organizations);
  return n;
}
async function auditCount(operation: string) {
  const [{ n }] = await subgraph.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.operation, operation));
  return n;
}

describe('createOrganization', () => {
  it('creates an organization that reads back', async () => {
    const { body } = await subgraph.post(CREATE, { input: valid });
    expect(body.errors).toBeUndefined();
    const created = body.data.createOrganization;
    expect(created).toMatchObject({ name: valid.name, acronym: 'ANSSI', kind: 'NATIONAL_CSIRT', country: { code: 'FR' }, version: 1 });
    expect(created.id).toMatch(/^fr-anssi-[0-9a-f]{6}$/);
    const read = await subgraph.post(`query($id: ID!) { organization(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.body.data.organization).toEqual(created);
  });

  it('normalises a lower-case country code and allows a multilateral body without one', async () => {
    const lower = await subgraph.post(CREATE, { input: { ...valid, acronym: null, country: 'nl' } });
    expect(lower.body.errors).toBeUndefined();
    expect(lower.body.data.createOrganization.country).toEqual({ code: 'NL' });
    const multilateral = await subgraph.post(CREATE, { input: { name: 'Some Multilateral Forum', kind: 'MULTILATERAL_BODY' } });
    expect(multilateral.body.errors).toBeUndefined();
    expect(multilateral.body.data.createOrganization.country).toBeNull();
  });

  const bad: [string, Record<string, unknown>, string[]][] = [
    ['an empty name', { name: '  ' }, ['input.name']],
    ['a 201-character name', { name: 'x'.repeat(201) }, ['input.name']],
    ['an unknown country', { country: 'XX' }, ['input.country']],
    ['a malformed country', { country: 'NLD' }, ['input.country']],
    ['no country for a CSIRT', { country: null }, ['input.country']],
    ['a 41-character acronym', { acronym: 'A'.repeat(41) }, ['input.acronym']],
    ['an http website', { website: 'http://example.org' }, ['input.website']],
    ['a website that is no URL', { website: 'not a url' }, ['input.website']],
    ['a 2001-character description', { description: 'd'.repeat(2001) }, ['input.description']],
    [
      'several bad fields at once',
      { name: '', acronym: '', country: 'XX', website: 'ftp://x.org', description: 'd'.repeat(2001) },
      ['input.acronym', 'input.country', 'input.description', 'input.name', 'input.website'],
    ],
  ];
  it.each(bad)('refuses %s with one error per field and writes nothing', async (_label, change, expected) => {
    const before = { rows: await organizationCount(), audit: await auditCount('createOrganization') };
    const { body } = await subgraph.post(CREATE, { input: { ...valid, ...change } });
    expect(body.data).toBeNull();
    expect(fields(body.errors)).toEqual(expected);
    expect(new Set(codes(body.errors))).toEqual(new Set(['BAD_USER_INPUT']));
    expect({ rows: await organizationCount(), audit: await auditCount('createOrganization') }).toEqual(before);
  });
});

describe('idempotency', () => {
  it('replays the same key with the same input: one row, one audit record', async () => {
    const input = { ...valid, name: 'Idempotent Agency', acronym: 'IDEM' };
    const rowsBefore = await organizationCount();
    const first = await subgraph.post(CREATE, { input, key: 'idem-1' });
    // The same input with its fields in another order is still the same input.
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    const second = await subgraph.post(CREATE, { input: reordered, key: 'idem-1' });
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data.createOrganization.id).toBe(first.body.data.createOrganization.id);
    expect(await organizationCount()).toBe(rowsBefore + 1);
    const [{ n }] = await subgraph.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'createOrganization'), eq(auditLog.objectIds, [first.body.data.createOrganization.id])));
    expect(n).toBe(1);
  });

  it('refuses the same key with different input (CONFLICT)', async () => {
    await subgraph.post(CREATE, { input: { ...valid, name: 'Conflicting A' }, key: 'idem-2' });
    const rowsBefore = await organizationCount();
    const { body } = await subgraph.post(CREATE, { input: { ...valid, name: 'Conflicting B' }, key: 'idem-2' });
    expect(codes(body.errors)).toEqual(['CONFLICT']);
    expect(await organizationCount()).toBe(rowsBefore);
  });

  it('honours a key for a day: past it the key names a new request, and the old row is purged', async () => {
    // A day passes for this key (and only this key): its row is made older than the limit.
    const age = (key: string) =>
      subgraph.database.db
        .update(idempotencyKeys)
        .set({ createdAt: sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS + 1})` })
        .where(eq(idempotencyKeys.key, key));
    const first = await subgraph.post(CREATE, { input: { ...valid, name: 'Yesterday Agency' }, key: 'idem-day' });
    await age('idem-day');
    // Different input under the expired key is a new request, not a CONFLICT...
    const today = await subgraph.post(CREATE, { input: { ...valid, name: 'Today Agency' }, key: 'idem-day' });
    expect(today.body.errors).toBeUndefined();
    expect(today.body.data.createOrganization.id).not.toBe(first.body.data.createOrganization.id);
    // ...and the key now replays that one.
    const again = await subgraph.post(CREATE, { input: { ...valid, name: 'Today Agency' }, key: 'idem-day' });
    expect(again.body.data.createOrganization.id).toBe(today.body.data.createOrganization.id);

    await subgraph.post(CREATE, { input: { ...valid, name: 'Old Agency' }, key: 'idem-old' });
    await age('idem-old');
    expect(await purgeExpiredIdempotencyKeys(subgraph.database.db as never)).toBe(1);
    const left = await subgraph.database.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(inArray(idempotencyKeys.key, ['idem-day', 'idem-old']));
    expect(left).toEqual([{ key: 'idem-day' }]);
  });

  it('keeps 40 concurrent creates with 10 distinct keys to 10 rows and 10 audit records', async () => {
    const before = { rows: await organizationCount(), audit: await auditCount('createOrganization') };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        subgraph.post(CREATE, { input: { ...valid, name: `Concurrent ${i % 10}`, acronym: null }, key: `burst-${i % 10}` }),
      ),
    );
    for (const { body } of results) expect(body.errors).toBeUndefined();
    const idsByKey = new Map<number, Set<string>>();
    results.forEach(({ body }, i) => idsByKey.set(i % 10, (idsByKey.get(i % 10) ?? new Set()).add(body.data.createOrganization.id)));
    expect([...idsByKey.values()].map((ids) => ids.size)).toEqual(Array(10).fill(1));
    expect({ rows: await organizationCount(), audit: await auditCount('createOrganization') }).toEqual({
      rows: before.rows + 10,
      audit: before.audit + 10,
    });
  });
});

describe('updateOrganization', () => {
  async function create(name: string) {
    const { body } = await subgraph.post(CREATE, { input: { ...valid, name } });
    return body.data.createOrganization.id as string;
  }

  it('updates at the expected version and refuses a stale one without overwriting', async () => {
    const id = await create('Versioned Agency');
    const ok = await subgraph.post(UPDATE, { id, v: 1, input: { name: 'Renamed Agency', country: 'be' } });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.updateOrganization).toMatchObject({ name: 'Renamed Agency', country: { code: 'BE' }, version: 2, acronym: 'ANSSI' });

    const stale = await subgraph.post(UPDATE, { id, v: 1, input: { name: 'Overwritten' } });
    expect(codes(stale.body.errors)).toEqual(['CONFLICT']);
    const [row] = await subgraph.database.db.select().from(organizations).where(eq(organizations.id, id));
    expect(row).toMatchObject({ name: 'Renamed Agency', version: 2 });
  });

  it('lets exactly one of two concurrent updates at the same version through', async () => {
    const id = await create('Raced Agency');
    const results = await Promise.all(
      ['First', 'Second'].map((name) => subgraph.post(UPDATE, { id, v: 1, input: { name } })),
    );
    const outcomes = results.map(({ body }) => (body.errors ? body.errors[0].extensions.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const [row] = await subgraph.database.db.select().from(organizations).where(eq(organizations.id, id));
    expect(row.version).toBe(2);
  });

  it('validates the given fields, answers NOT_FOUND for an unknown id', async () => {
    const id = await create('Validated Agency');
    const { body } = await subgraph.post(UPDATE, { id, v: 1, input: { name: '', country: 'XX', kind: 'REGULATOR' } });
    expect(fields(body.errors)).toEqual(['input.country', 'input.name']);
    const cleared = await subgraph.post(UPDATE, { id, v: 1, input: { country: null } });
    expect(fields(cleared.body.errors)).toEqual(['input.country']);
    const missing = await subgraph.post(UPDATE, { id: 'no-such-org', v: 1, input: { name: 'x' } });
    expect(codes(missing.body.errors)).toEqual(['NOT_FOUND']);
  });
});

describe('access', () => {
  it.each([
    ['a partner', partnerNl, 'FORBIDDEN'],
    ['a US principal without organizations:write', usReader, 'FORBIDDEN'],
    ['an anonymous caller', anonymous, 'UNAUTHENTICATED'],
  ] as const)('refuses %s', async (_label, principal, code) => {
    const before = await organizationCount();
    const created = await subgraph.post(CREATE, { input: valid }, principal);
    expect(codes(created.body.errors)).toEqual([code]);
    const updated = await subgraph.post(UPDATE, { id: 'nl-ncsc', v: 1, input: { name: 'Hijacked' } }, principal);
    expect(codes(updated.body.errors)).toEqual([code]);
    expect(await organizationCount()).toBe(before);
  });
});
