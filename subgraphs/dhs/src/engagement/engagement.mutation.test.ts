import type { Principal } from '@iag/kit';
import { and, arrayOverlaps, count, eq, like } from '@iag/kit/orm';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, engagements, type DhsSchema } from '../db/schema';
import { dhsMain } from '../main';

let subgraph: StartedSubgraph<DhsSchema>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(dhsMain);
});
afterAll(() => subgraph?.close());

const FIELDS = 'id title kind leadAgency participatingAgencies startsOn endsOn status strategicGoal summary version country { code } partnerOrganizations { id } sectors { code }';
const CHANGE = `{ engagement { ${FIELDS} } overlapping { id leadAgency } }`;
const CREATE = `mutation($input: CreateEngagementInput!, $key: String) { createEngagement(input: $input, idempotencyKey: $key) ${CHANGE} }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateEngagementInput!, $key: String) { updateEngagement(id: $id, expectedVersion: $v, input: $input, idempotencyKey: $key) ${CHANGE} }`;
const CANCEL = `mutation($id: ID!, $v: Int!, $reason: String) { cancelEngagement(id: $id, expectedVersion: $v, reason: $reason) ${CHANGE} }`;

const valid = {
  title: 'Water sector threat exchange',
  kind: 'TECHNICAL_EXCHANGE',
  leadAgency: 'CISA',
  participatingAgencies: ['DHS'],
  partnerOrganizationIds: ['de-cert-bund'],
  country: 'DE',
  startsOn: '2031-09-01',
  endsOn: '2031-09-03',
  strategicGoal: 2,
  sectorCodes: ['WATER_AND_WASTEWATER_SYSTEMS'],
  summary: 'Invented for a test.',
};

async function create(input: Record<string, unknown>, key?: string, principal?: Principal) {
  return subgraph.post(CREATE, { input: { ...valid, ...input }, key }, principal);
}
async function created(input: Record<string, unknown> = {}) {
  const { body } = await create(input);
  expect(body.errors).toBeUndefined();
  return body.data.createEngagement as { engagement: any; overlapping: { id: string; leadAgency: string }[] };
}
async function rowCount() {
  const [{ n }] = await subgraph.database.db.select({ n: count() }).from(engagements);
  return n;
}
const fields = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.field).sort();
const codes = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

describe('createEngagement', () => {
  it('creates an engagement that reads back as given, status PLANNED by default', async () => {
    const { engagement } = await created();
    expect(engagement).toMatchObject({ title: valid.title, leadAgency: 'CISA', status: 'PLANNED', version: 1, country: { code: 'DE' } });
    expect(engagement.partnerOrganizations).toEqual([{ id: 'de-cert-bund' }]);
    const { body } = await subgraph.post(`query($id: ID!) { engagement(id: $id) { ${FIELDS} } }`, { id: engagement.id });
    expect(body.data.engagement).toEqual(engagement);
  });

  it('refuses bad input with one BAD_USER_INPUT per field and writes nothing', async () => {
    const before = await rowCount();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ title: '' }, ['input.title']],
      [{ title: 'x'.repeat(301) }, ['input.title']],
      [{ strategicGoal: 4 }, ['input.strategicGoal']],
      [{ endsOn: '2031-08-31' }, ['input.endsOn']],
      [{ sectorCodes: ['ENERGY', 'NOT_A_SECTOR'] }, ['input.sectorCodes']],
      [{ country: 'nl1' }, ['input.country']],
      [{ leadAgency: 'cisa', partnerOrganizationIds: ['NL NCSC'] }, ['input.leadAgency', 'input.partnerOrganizationIds']],
      [
        { title: ' ', strategicGoal: 0, endsOn: '2031-01-01', sectorCodes: ['NOPE'], country: 'nl1' },
        ['input.country', 'input.endsOn', 'input.sectorCodes', 'input.strategicGoal', 'input.title'],
      ],
    ];
    for (const [input, expected] of cases) {
      const { body } = await create(input);
      expect(body.data?.createEngagement ?? null).toBeNull();
      expect(codes(body.errors).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
      expect(fields(body.errors)).toEqual(expected);
    }
    expect(await rowCount()).toBe(before);
  });

  it('refuses partners and anonymous callers', async () => {
    const partner: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
    const before = await rowCount();
    expect(codes((await create({}, undefined, partner)).body.errors)).toEqual(['FORBIDDEN']);
    expect(codes((await create({}, undefined, { kind: 'ANONYMOUS', scopes: [] })).body.errors)).toEqual(['UNAUTHENTICATED']);
    expect(await rowCount()).toBe(before);
  });
});

describe('deconfliction', () => {
  // Seeded with nl-ncsc: eng-04 (DHS, 2026-11-16..12-04), eng-28 (FBI, from 2026-11-20, no end),
  // eng-27 (CISA, 2027-02-01..06-30).
  const window = { country: null, partnerOrganizationIds: ['nl-ncsc'], startsOn: '2026-11-25', endsOn: '2027-03-01' };

  it('lists engagements of other agencies sharing a partner in the window, not the same agency', async () => {
    const { overlapping } = await created(window);
    const ids = overlapping.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['eng-04', 'eng-28']));
    expect(ids).not.toContain('eng-27');
    expect(overlapping.every((e) => e.leadAgency !== 'CISA')).toBe(true);
  });

  it('matches by country too, and an open end runs on', async () => {
    const { overlapping } = await created({ partnerOrganizationIds: [], country: 'NL', startsOn: '2040-01-01', endsOn: null });
    expect(overlapping.map((e) => e.id)).toEqual(['eng-28']);
  });

  it('leaves out cancelled engagements', async () => {
    // eng-13 (DOE, EE, 2026-05-04..08) is cancelled.
    const { overlapping } = await created({ partnerOrganizationIds: ['ee-estlink-grid'], country: 'EE', startsOn: '2026-05-01', endsOn: '2026-05-10' });
    expect(overlapping).toEqual([]);
  });

  it('recomputes after an update that moves dates, and not after one that does not', async () => {
    const { engagement } = await created({ partnerOrganizationIds: ['nl-ncsc'], country: null });
    const moved = await subgraph.post(UPDATE, { id: engagement.id, v: 1, input: { startsOn: window.startsOn, endsOn: window.endsOn } });
    expect(moved.body.data.updateEngagement.overlapping.map((e: any) => e.id)).toEqual(expect.arrayContaining(['eng-04', 'eng-28']));
    const renamed = await subgraph.post(UPDATE, { id: engagement.id, v: 2, input: { title: 'Renamed' } });
    expect(renamed.body.data.updateEngagement.overlapping).toEqual([]);
  });
});

describe('idempotency', () => {
  const auditRows = async (ids: string[]) => {
    const [{ n }] = await subgraph.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'createEngagement'), arrayOverlaps(auditLog.objectIds, ids)));
    return n;
  };

  it('replays the same key and input: one row, one audit record, the same id', async () => {
    const input = { title: 'Idempotent exchange' };
    const first = await create(input, 'key-once');
    const second = await create(input, 'key-once');
    const id = first.body.data.createEngagement.engagement.id;
    expect(second.body.data.createEngagement.engagement.id).toBe(id);
    const [{ n }] = await subgraph.database.db.select({ n: count() }).from(engagements).where(eq(engagements.title, input.title));
    expect(n).toBe(1);
    expect(await auditRows([id])).toBe(1);
  });

  it('refuses the same key with different input as CONFLICT', async () => {
    await create({ title: 'First use of a key' }, 'key-reused');
    const { body } = await create({ title: 'Other input' }, 'key-reused');
    expect(codes(body.errors)).toEqual(['CONFLICT']);
  });

  it('holds under 60 concurrent creates, 15 of them repeating a key', async () => {
    const keys = Array.from({ length: 45 }, (_, i) => `burst-${i}`);
    const calls = [...keys, ...keys.slice(0, 15)].map((key) => create({ title: `Concurrent ${key}` }, key));
    const results = await Promise.all(calls);
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const ids = results.map((r) => r.body.data.createEngagement.engagement.id as string);
    expect(new Set(ids).size).toBe(45);
    for (let i = 0; i < 15; i++) expect(ids[45 + i]).toBe(ids[i]);
    const [{ n }] = await subgraph.database.db.select({ n: count() }).from(engagements).where(like(engagements.title, 'Concurrent %'));
    expect(n).toBe(45);
    expect(await auditRows(ids)).toBe(45);
  });
});

describe('updateEngagement and cancelEngagement', () => {
  it('updates partially, replacing partners and sectors, checking endsOn against the resulting start', async () => {
    const { engagement } = await created();
    const { body } = await subgraph.post(UPDATE, { id: engagement.id, v: 1, input: { title: 'New title', partnerOrganizationIds: ['de-bnetza'], sectorCodes: ['ENERGY'] } });
    expect(body.data.updateEngagement.engagement).toMatchObject({ title: 'New title', version: 2, kind: valid.kind, partnerOrganizations: [{ id: 'de-bnetza' }], sectors: [{ code: 'ENERGY' }] });
    const early = await subgraph.post(UPDATE, { id: engagement.id, v: 2, input: { endsOn: '2031-08-01' } });
    expect(fields(early.body.errors)).toEqual(['input.endsOn']);
    const late = await subgraph.post(UPDATE, { id: engagement.id, v: 2, input: { startsOn: '2031-10-01' } });
    expect(fields(late.body.errors)).toEqual(['input.startsOn']);
  });

  it('refuses a stale expectedVersion as CONFLICT and overwrites nothing', async () => {
    const { engagement } = await created();
    await subgraph.post(UPDATE, { id: engagement.id, v: 1, input: { title: 'Kept' } });
    const stale = await subgraph.post(UPDATE, { id: engagement.id, v: 1, input: { title: 'Lost' } });
    expect(codes(stale.body.errors)).toEqual(['CONFLICT']);
    const [row] = await subgraph.database.db.select().from(engagements).where(eq(engagements.id, engagement.id));
    expect(row).toMatchObject({ title: 'Kept', version: 2 });
    const missing = await subgraph.post(UPDATE, { id: 'eng-missing', v: 1, input: { title: 'x' } });
    expect(codes(missing.body.errors)).toEqual(['NOT_FOUND']);
  });

  it('lets one of two concurrent updates at the same version win', async () => {
    const { engagement } = await created();
    const results = await Promise.all(
      ['A', 'B'].map((title) => subgraph.post(UPDATE, { id: engagement.id, v: 1, input: { title } })),
    );
    expect(results.map((r) => codes(r.body.errors)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const [row] = await subgraph.database.db.select().from(engagements).where(eq(engagements.id, engagement.id));
    expect(row.version).toBe(2);
  });

  it('cancels, noting the reason; a completed engagement cannot be cancelled', async () => {
    const { engagement } = await created();
    const { body } = await subgraph.post(CANCEL, { id: engagement.id, v: 1, reason: 'Partner withdrew' });
    expect(body.data.cancelEngagement.engagement).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(body.data.cancelEngagement.engagement.summary).toContain('Cancelled: Partner withdrew');
    const completed = await subgraph.post(CANCEL, { id: 'eng-01', v: 1 });
    expect(fields(completed.body.errors)).toEqual(['id']);
    expect(codes(completed.body.errors)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('ownership', () => {
  it('lets only the lead agency or DHS change an engagement', async () => {
    const fbi = { kind: 'US_GOVERNMENT' as const, sub: 'fbi:writer-1', agency: 'FBI', scopes: ['engagements:write'] };
    const dhs = { kind: 'US_GOVERNMENT' as const, sub: 'dhs:coordinator-1', agency: 'DHS', scopes: ['engagements:write'] };
    const created = await subgraph.post(
      'mutation($input: CreateEngagementInput!) { createEngagement(input: $input) { engagement { id version leadAgency } } }',
      { input: { title: 'Owned by CISA', kind: 'DIALOGUE', leadAgency: 'CISA', startsOn: '2027-06-01', strategicGoal: 3 } },
    );
    const { id } = created.body.data.createEngagement.engagement;
    const rename = (principal: typeof fbi, version: number, title: string) =>
      subgraph.post('mutation($id: ID!, $v: Int!, $t: String!) { updateEngagement(id: $id, expectedVersion: $v, input: { title: $t }) { engagement { title } } }', { id, v: version, t: title }, principal);
    expect((await rename(fbi, 1, 'Taken over')).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await rename(dhs, 1, 'Kept in the register by DHS')).body.data.updateEngagement.engagement.title).toBe('Kept in the register by DHS');
  });
});
