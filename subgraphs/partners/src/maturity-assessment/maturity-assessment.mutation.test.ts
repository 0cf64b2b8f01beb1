import type { Principal } from '@iag/kit';
import { count, eq } from '@iag/kit/orm';
import { TEST_PRINCIPAL, startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, maturityAssessments, type PartnersSchema } from '../db/schema';
import { partnersMain } from '../main';

const NL: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const WRITE_ONLY: Principal = { ...TEST_PRINCIPAL, sub: 'cisa:assessor', scopes: ['maturity:write'] };
const READ_ONLY: Principal = { ...TEST_PRINCIPAL, sub: 'cisa:reader', scopes: ['maturity:read'] };

const RECORD = `mutation($input: RecordMaturityAssessmentInput!, $key: String) {
  recordMaturityAssessment(input: $input, idempotencyKey: $key) {
    id level assessedOn method framework notes version organization { id }
  }
}`;

let subgraph: StartedSubgraph<PartnersSchema>;
const valid = { organizationId: 'ua-grid-ops', level: 3, assessedOn: '2026-10-20', method: 'CISA_ASSESSMENT', framework: 'C2M2 v2.1' };
const record = (input: Record<string, unknown>, key?: string, principal?: Principal) =>
  subgraph.post(RECORD, { input: { ...valid, ...input }, key }, principal);
const rows = async () => (await subgraph.database.db.select({ n: count() }).from(maturityAssessments))[0].n;
const audits = async () =>
  (await subgraph.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.operation, 'recordMaturityAssessment')))[0].n;
const daysAhead = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('recordMaturityAssessment', () => {
  it('records an assessment', async () => {
    const before = await rows();
    const { body } = await record({ notes: 'Asset inventory now covers substations.' });
    expect(body.errors).toBeUndefined();
    expect(body.data.recordMaturityAssessment).toMatchObject({
      level: 3,
      assessedOn: '2026-10-20',
      method: 'CISA_ASSESSMENT',
      framework: 'C2M2 v2.1',
      notes: 'Asset inventory now covers substations.',
      version: 1,
      organization: { id: 'ua-grid-ops' },
    });
    expect(await rows()).toBe(before + 1);
    const today = await record({ assessedOn: new Date().toISOString().slice(0, 10), framework: null });
    expect(today.body.errors).toBeUndefined();
    expect(today.body.data.recordMaturityAssessment.framework).toBeNull();
  });

  it('gives a writer without maturity:read back what it wrote', async () => {
    const { body } = await record({ level: 2 }, undefined, WRITE_ONLY);
    expect(body.errors).toBeUndefined();
    expect(body.data.recordMaturityAssessment).toMatchObject({ level: 2, organization: { id: 'ua-grid-ops' } });
  });

  it.each([
    ['level 6', { level: 6 }, 'input.level'],
    ['level 0', { level: 0 }, 'input.level'],
    ['an empty framework', { framework: '' }, 'input.framework'],
    ['a long framework', { framework: 'x'.repeat(201) }, 'input.framework'],
    ['a future date', { assessedOn: daysAhead(3) }, 'input.assessedOn'],
    ['a malformed organization id', { organizationId: 'UA Grid Ops' }, 'input.organizationId'],
    ['long notes', { notes: 'x'.repeat(4001) }, 'input.notes'],
  ])('refuses %s', async (_name, input, field) => {
    const before = await rows();
    const { body } = await record(input);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows()).toBe(before);
  });

  it('reports every bad field at once, one error each, and writes nothing', async () => {
    const [before, auditsBefore] = [await rows(), await audits()];
    const { body } = await record({ level: 6, framework: '', assessedOn: daysAhead(30), organizationId: '-x' });
    expect(body.data).toBeNull();
    expect(body.errors.map((e: any) => e.extensions.field).sort()).toEqual([
      'input.assessedOn',
      'input.framework',
      'input.level',
      'input.organizationId',
    ]);
    expect(body.errors.every((e: any) => e.extensions.code === 'BAD_USER_INPUT')).toBe(true);
    expect([await rows(), await audits()]).toEqual([before, auditsBefore]);
  });

  it('refuses partners and US principals without maturity:write, writing nothing', async () => {
    const before = await rows();
    const partner = await record({}, undefined, NL);
    expect(partner.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const reader = await record({}, undefined, READ_ONLY);
    expect(reader.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await record({}, undefined, { kind: 'ANONYMOUS', scopes: [] });
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await rows()).toBe(before);
  });

  it('replays the same key and refuses it with different input', async () => {
    const [before, auditsBefore] = [await rows(), await audits()];
    const first = await record({ level: 4 }, 'ma-key-1');
    const second = await record({ level: 4 }, 'ma-key-1');
    expect(second.body.data.recordMaturityAssessment).toEqual(first.body.data.recordMaturityAssessment);
    const different = await record({ level: 5 }, 'ma-key-1');
    expect(different.body.errors?.[0].extensions.code).toBe('CONFLICT');
    expect([await rows(), await audits()]).toEqual([before + 1, auditsBefore + 1]);
  });
});
