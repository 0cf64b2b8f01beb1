import type { Principal } from '@iag/kit';
import { count, eq } from '@iag/kit/orm';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sightings, type PartnersSchema } from '../db/schema';
import { partnersMain } from '../main';

const NL: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const DE: Principal = { kind: 'PARTNER', sub: 'de-cert-bund:analyst-2', organizationId: 'de-cert-bund', scopes: [] };

const REPORT = `mutation($input: ReportSightingInput!, $key: String) {
  reportSighting(input: $input, idempotencyKey: $key) {
    id kind indicatorValue observedAt count comment version product { id } organization { id }
  }
}`;

let subgraph: StartedSubgraph<PartnersSchema>;
const report = (input: Record<string, unknown>, key?: string, principal: Principal = NL) =>
  subgraph.post(REPORT, { input: { ...valid, ...input }, key }, principal);
const rows = async () => (await subgraph.database.db.select({ n: count() }).from(sightings))[0].n;
const audits = async () =>
  (await subgraph.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.operation, 'reportSighting')))[0].n;

// tp-23 went to nl-ncsc (and only there); tp-25 only to de-cert-bund.
const valid = { productId: 'tp-23', kind: 'INDICATOR_SEEN', indicatorValue: '198.51.100.99', observedAt: '2026-11-01T10:00:00Z' };
const minutesAhead = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('reportSighting', () => {
  it("records a sighting for the caller's own organization, count 1 by default", async () => {
    const before = await rows();
    const { body } = await report({ comment: 'Seen again on a port host.' });
    expect(body.errors).toBeUndefined();
    expect(body.data.reportSighting).toMatchObject({
      kind: 'INDICATOR_SEEN',
      indicatorValue: '198.51.100.99',
      observedAt: '2026-11-01T10:00:00.000Z',
      count: 1,
      comment: 'Seen again on a port host.',
      version: 1,
      product: { id: 'tp-23' },
      organization: { id: 'nl-ncsc' },
    });
    expect(await rows()).toBe(before + 1);
    const clockSkew = await report({ observedAt: minutesAhead(4), count: 1_000_000, indicatorValue: null });
    expect(clockSkew.body.errors).toBeUndefined();
  });

  it.each([
    ['an undelivered product', { productId: 'tp-25' }, 'input.productId'],
    ['an unknown product', { productId: 'tp-nope' }, 'input.productId'],
    ['an empty indicator', { indicatorValue: '  ' }, 'input.indicatorValue'],
    ['a long indicator', { indicatorValue: 'x'.repeat(501) }, 'input.indicatorValue'],
    ['a future observation', { observedAt: minutesAhead(10) }, 'input.observedAt'],
    ['an observation before 2000', { observedAt: '1999-12-31T23:59:59Z' }, 'input.observedAt'],
    ['a zero count', { count: 0 }, 'input.count'],
    ['a huge count', { count: 1_000_001 }, 'input.count'],
    ['a long comment', { comment: 'x'.repeat(4001) }, 'input.comment'],
  ])('refuses %s', async (_name, input, field) => {
    const before = await rows();
    const { body } = await report(input);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows()).toBe(before);
  });

  it('reports every bad field at once, one error each, and writes nothing', async () => {
    const [before, auditsBefore] = [await rows(), await audits()];
    const { body } = await report({ productId: 'tp-25', observedAt: '1990-01-01T00:00:00Z', count: -1, indicatorValue: '' });
    expect(body.data).toBeNull();
    expect(body.errors.map((e: any) => e.extensions.field).sort()).toEqual([
      'input.count',
      'input.indicatorValue',
      'input.observedAt',
      'input.productId',
    ]);
    expect(body.errors.every((e: any) => e.extensions.code === 'BAD_USER_INPUT')).toBe(true);
    expect([await rows(), await audits()]).toEqual([before, auditsBefore]);
  });

  it('takes the organization from the caller: de-cert-bund may report tp-25, not tp-23', async () => {
    const own = await report({ productId: 'tp-25' }, undefined, DE);
    expect(own.body.data.reportSighting.organization).toEqual({ id: 'de-cert-bund' });
    const other = await report({}, undefined, DE);
    expect(other.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.productId' });
  });

  it('refuses US government and anonymous callers', async () => {
    const us = await subgraph.post(REPORT, { input: valid });
    expect(us.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await subgraph.post(REPORT, { input: valid }, { kind: 'ANONYMOUS', scopes: [] });
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('replays the same key with the same input: one row, one audit record', async () => {
    const [before, auditsBefore] = [await rows(), await audits()];
    const first = await report({ count: 3 }, 'nl-replay-1');
    const second = await report({ count: 3 }, 'nl-replay-1');
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data.reportSighting).toEqual(first.body.data.reportSighting);
    expect([await rows(), await audits()]).toEqual([before + 1, auditsBefore + 1]);
  });

  it('refuses the same key with different input (CONFLICT), the observation time included', async () => {
    await report({}, 'nl-replay-2');
    const before = await rows();
    const differentCount = await report({ count: 2 }, 'nl-replay-2');
    expect(differentCount.body.errors?.[0].extensions.code).toBe('CONFLICT');
    const differentTime = await report({ observedAt: '2026-11-01T11:00:00Z' }, 'nl-replay-2');
    expect(differentTime.body.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await rows()).toBe(before);
    // Keys are the caller's own: another partner's same key is a new report.
    const otherCaller = await report({ productId: 'tp-25' }, 'nl-replay-2', DE);
    expect(otherCaller.body.errors).toBeUndefined();
  });

  it('keeps exact counts under 50 concurrent reports sharing 10 keys', async () => {
    const [before, auditsBefore] = [await rows(), await audits()];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => report({ count: (i % 10) + 1 }, `burst-${i % 10}`)),
    );
    for (const { body } of results) expect(body.errors).toBeUndefined();
    const idsByKey = new Map<number, Set<string>>();
    results.forEach(({ body }, i) => {
      const set = idsByKey.get(i % 10) ?? new Set();
      idsByKey.set(i % 10, set.add(body.data.reportSighting.id));
    });
    expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true);
    expect([await rows(), await audits()]).toEqual([before + 10, auditsBefore + 10]);
  });
});
