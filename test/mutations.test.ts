// Writes through the gateway, as interagency apps send them: bursts of concurrent and repeated
// requests, and bad input, counting rows afterwards.
import { count, eq } from '@iag/kit/orm';
import { auditLog } from '@iag/kit/audit-table';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { engagements } from '../subgraphs/dhs/src/db/schema';
import { startHub, type Hub } from './hub';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

const coordinator = personas['dhs-coordinator'];
const CREATE = `mutation Create($input: CreateEngagementInput!, $key: String) {
  createEngagement(input: $input, idempotencyKey: $key) { engagement { id version } overlapping { id } } }`;
const input = (title: string) => ({
  title,
  kind: 'TECHNICAL_EXCHANGE',
  leadAgency: 'DHS',
  country: 'NL',
  startsOn: '2027-03-01',
  endsOn: '2027-03-05',
  strategicGoal: 3,
  partnerOrganizationIds: ['nl-ncsc'],
});
const db = () => hub.subgraphs.dhs.database.db;
const rows = async () => (await db().select({ n: count() }).from(engagements))[0].n;
const audits = async () => (await db().select({ n: count() }).from(auditLog).where(eq(auditLog.operation, 'createEngagement')))[0].n;

describe('mutations through the gateway', () => {
  it('200 concurrent creates with 50 repeated idempotency keys leave exactly 150 rows and 150 audit records', async () => {
    const [rowsBefore, auditsBefore] = [await rows(), await audits()];
    const token = await hub.tokenFor(coordinator);
    // 150 distinct keys; the first 50 of them are sent twice.
    const keys = [...Array.from({ length: 150 }, (_, i) => `burst-${i}`), ...Array.from({ length: 50 }, (_, i) => `burst-${i}`)];
    const answers = await Promise.all(
      keys.map((key) =>
        hub.post(CREATE, { input: input(`Burst ${key}`), key }, { authorization: `Bearer ${token}` }),
      ),
    );
    expect(answers.every((a) => a.status === 200 && !a.body.errors)).toBe(true);
    const idByKey = new Map<string, string>();
    answers.forEach((a, i) => {
      const id = a.body.data.createEngagement.engagement.id;
      expect(idByKey.get(keys[i]) ?? id).toBe(id);
      idByKey.set(keys[i], id);
    });
    expect(await rows()).toBe(rowsBefore + 150);
    expect(await audits()).toBe(auditsBefore + 150);
  });

  it('two concurrent updates with the same expected version: one winner, one CONFLICT', async () => {
    const created = await hub.as(coordinator, CREATE, { input: input('Race') });
    const id = created.body.data.createEngagement.engagement.id;
    const update = (title: string) =>
      hub.as(coordinator, 'mutation($id: ID!, $t: String!) { updateEngagement(id: $id, expectedVersion: 1, input: { title: $t }) { engagement { title version } } }', { id, t: title });
    const results = await Promise.all([update('Race A'), update('Race B')]);
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.body.errors)!.body.data.updateEngagement.engagement;
    const now = await hub.as(coordinator, 'query($id: ID!) { engagement(id: $id) { title version } }', { id });
    expect(now.body.data.engagement).toEqual(winner);
    expect(winner.version).toBe(2);
  });

  it('answers bad input with one BAD_USER_INPUT per field, and writes nothing', async () => {
    const before = await rows();
    const bad = { ...input(''), strategicGoal: 7, endsOn: '2027-02-01', leadAgency: 'not an agency' };
    const { status, body } = await hub.as(coordinator, CREATE, { input: bad, key: 'bad-1' });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    const fields = body.errors.map((e: any) => [e.extensions.code, e.extensions.field]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['BAD_USER_INPUT', 'input.title'],
        ['BAD_USER_INPUT', 'input.strategicGoal'],
        ['BAD_USER_INPUT', 'input.endsOn'],
        ['BAD_USER_INPUT', 'input.leadAgency'],
      ]),
    );
    expect(fields).toHaveLength(4);
    expect(await rows()).toBe(before);
  });

  it('refuses writes from partners and from anonymous callers', async () => {
    const partner = await hub.as(personas['partner-nl'], CREATE, { input: input('Partner try') });
    expect(partner.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await hub.post(CREATE, { input: input('Anonymous try') });
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
