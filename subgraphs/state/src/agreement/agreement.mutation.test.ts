import type { Principal } from '@iag/kit';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { auditLog } from '@iag/kit/audit-table';
import { count, eq } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementEngagements, agreementParties, agreements, type StateSchema } from '../db/schema';
import { stateMain } from '../main';

const partnerNl: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const usReader: Principal = { kind: 'US_GOVERNMENT', sub: 'cisa:reader', agency: 'CISA', scopes: ['organizations:write'] };
const anonymous: Principal = { kind: 'ANONYMOUS', scopes: [] };

const FIELDS = 'id title kind status summary usAgencies signedOn effectiveFrom expiresOn maxTlp version parties { id } engagements { id }';
const RECORD = `mutation($input: RecordAgreementInput!, $key: String) {
  recordAgreement(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateAgreementInput!, $key: String) {
  updateAgreement(id: $id, expectedVersion: $v, input: $input, idempotencyKey: $key) { ${FIELDS} } }`;

let subgraph: StartedSubgraph<StateSchema>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(stateMain);
});
afterAll(() => subgraph?.close());

const valid = {
  title: 'US-France Information Sharing Arrangement on Energy',
  kind: 'INFORMATION_SHARING_ARRANGEMENT',
  status: 'IN_FORCE',
  summary: 'Exchange of indicators about grid operators.',
  usAgencies: ['CISA', 'STATE'],
  parties: ['nl-ncsc', 'de-cert-bund'],
  signedOn: '2025-03-01',
  effectiveFrom: '2025-04-01',
  expiresOn: '2028-03-31',
  maxTlp: 'AMBER',
  engagementIds: ['eng-not-checked-here'],
};
const codes = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);
const fields = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.field).sort();

async function counts() {
  const db = subgraph.database.db;
  const [{ a }] = await db.select({ a: count() }).from(agreements);
  const [{ p }] = await db.select({ p: count() }).from(agreementParties);
  const [{ e }] = await db.select({ e: count() }).from(agreementEngagements);
  const [{ l }] = await db.select({ l: count() }).from(auditLog).where(eq(auditLog.operation, 'recordAgreement'));
  return { agreements: a, parties: p, engagements: e, audit: l };
}

describe('recordAgreement', () => {
  it('records an agreement that reads back, engagement ids stored as given', async () => {
    const { body } = await subgraph.post(RECORD, { input: valid });
    expect(body.errors).toBeUndefined();
    const created = body.data.recordAgreement;
    expect(created).toMatchObject({
      title: valid.title,
      usAgencies: ['CISA', 'STATE'],
      effectiveFrom: '2025-04-01',
      maxTlp: 'AMBER',
      version: 1,
      engagements: [{ id: 'eng-not-checked-here' }],
    });
    expect(created.parties.map((p: any) => p.id).sort()).toEqual(['de-cert-bund', 'nl-ncsc']);
    expect(created.id).toMatch(/^agr-us-france-information-sharing-[a-z0-9-]*[0-9a-f]{6}$/);
    const read = await subgraph.post(`query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.body.data.agreement).toEqual(created);
  });

  const bad: [string, Record<string, unknown>, string[]][] = [
    ['an empty title', { title: '' }, ['input.title']],
    ['a 301-character title', { title: 't'.repeat(301) }, ['input.title']],
    ['an unknown party', { parties: ['nl-ncsc', 'no-such-org'] }, ['input.parties']],
    ['no parties', { parties: [] }, ['input.parties']],
    ['no US agency', { usAgencies: [] }, ['input.usAgencies']],
    ['a lower-case agency code', { usAgencies: ['cisa'] }, ['input.usAgencies']],
    ['11 agencies', { usAgencies: Array.from({ length: 11 }, (_, i) => `AG${i}`) }, ['input.usAgencies']],
    ['expiresOn before effectiveFrom', { effectiveFrom: '2025-04-01', expiresOn: '2025-03-31' }, ['input.expiresOn']],
    ['a 4001-character summary', { summary: 's'.repeat(4001) }, ['input.summary']],
    [
      'several bad fields at once',
      { title: '', parties: ['no-such-org'], usAgencies: ['x'], expiresOn: '2020-01-01' },
      ['input.expiresOn', 'input.parties', 'input.title', 'input.usAgencies'],
    ],
  ];
  it.each(bad)('refuses %s with one error per field and writes nothing', async (_label, change, expected) => {
    const before = await counts();
    const { body } = await subgraph.post(RECORD, { input: { ...valid, ...change } });
    expect(body.data).toBeNull();
    expect(fields(body.errors)).toEqual(expected);
    expect(new Set(codes(body.errors))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(await counts()).toEqual(before);
  });
});

describe('idempotency', () => {
  it('replays the same key with the same input and refuses it with different input', async () => {
    const before = await counts();
    const first = await subgraph.post(RECORD, { input: valid, key: 'agr-key-1' });
    const again = await subgraph.post(RECORD, { input: valid, key: 'agr-key-1' });
    expect(again.body.data.recordAgreement.id).toBe(first.body.data.recordAgreement.id);
    expect(await counts()).toEqual({ ...before, agreements: before.agreements + 1, parties: before.parties + 2, engagements: before.engagements + 1, audit: before.audit + 1 });
    const other = await subgraph.post(RECORD, { input: { ...valid, title: 'Another' }, key: 'agr-key-1' });
    expect(codes(other.body.errors)).toEqual(['CONFLICT']);
  });
});

describe('updateAgreement', () => {
  async function record() {
    const { body } = await subgraph.post(RECORD, { input: valid });
    return body.data.recordAgreement.id as string;
  }

  it('updates at the expected version, replaces parties, and refuses a stale version', async () => {
    const id = await record();
    const ok = await subgraph.post(UPDATE, { id, v: 1, input: { status: 'TERMINATED', parties: ['gb-ncsc'], engagementIds: null } });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.updateAgreement).toMatchObject({ status: 'TERMINATED', version: 2, parties: [{ id: 'gb-ncsc' }], engagements: [], title: valid.title });

    const stale = await subgraph.post(UPDATE, { id, v: 1, input: { status: 'EXPIRED', parties: ['nl-ncsc'] } });
    expect(codes(stale.body.errors)).toEqual(['CONFLICT']);
    const [row] = await subgraph.database.db.select().from(agreements).where(eq(agreements.id, id));
    expect(row).toMatchObject({ status: 'TERMINATED', version: 2 });
    const parties = await subgraph.database.db.select().from(agreementParties).where(eq(agreementParties.agreementId, id));
    expect(parties.map((p) => p.organizationId)).toEqual(['gb-ncsc']);
  });

  it('checks date order against the stored dates', async () => {
    const id = await record();
    const { body } = await subgraph.post(UPDATE, { id, v: 1, input: { expiresOn: '2025-01-01', parties: ['nobody'] } });
    expect(fields(body.errors)).toEqual(['input.expiresOn', 'input.parties']);
  });

  it('lets exactly one of two concurrent updates at the same version through', async () => {
    const id = await record();
    const results = await Promise.all(['A', 'B'].map((title) => subgraph.post(UPDATE, { id, v: 1, input: { title } })));
    const outcomes = results.map(({ body }) => (body.errors ? body.errors[0].extensions.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
  });
});

describe('access', () => {
  it.each([
    ['a partner', partnerNl, 'FORBIDDEN'],
    ['a US principal without agreements:write', usReader, 'FORBIDDEN'],
    ['an anonymous caller', anonymous, 'UNAUTHENTICATED'],
  ] as const)('refuses %s', async (_label, principal, code) => {
    const before = await counts();
    const recorded = await subgraph.post(RECORD, { input: valid }, principal);
    expect(codes(recorded.body.errors)).toEqual([code]);
    const updated = await subgraph.post(UPDATE, { id: 'agr-us-nl-2023', v: 1, input: { title: 'Hijacked' } }, principal);
    expect(codes(updated.body.errors)).toEqual([code]);
    expect(await counts()).toEqual(before);
  });
});
