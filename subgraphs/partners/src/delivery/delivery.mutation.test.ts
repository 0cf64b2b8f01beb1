import type { Principal } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, deliveries, type PartnersSchema } from '../db/schema';
import { partnersMain } from '../main';

const NL: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const DE: Principal = { kind: 'PARTNER', sub: 'de-cert-bund:analyst-2', organizationId: 'de-cert-bund', scopes: [] };
const ANONYMOUS: Principal = { kind: 'ANONYMOUS', scopes: [] };

const ACK = `mutation($id: ID!, $expectedVersion: Int, $key: String) {
  acknowledgeDelivery(id: $id, expectedVersion: $expectedVersion, idempotencyKey: $key) {
    id acknowledgedAt acknowledgedBy version
  }
}`;

let subgraph: StartedSubgraph<PartnersSchema>;
const row = async (id: string) =>
  (await subgraph.database.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];
const acks = async () =>
  (await subgraph.database.db.select().from(auditLog).where(eq(auditLog.operation, 'acknowledgeDelivery'))).length;

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('acknowledgeDelivery', () => {
  it('lets the recipient acknowledge once; again is a no-op', async () => {
    const before = await row('dlv-tp30-nl-ncsc');
    expect(before.acknowledgedAt).toBeNull();
    const first = await subgraph.post(ACK, { id: 'dlv-tp30-nl-ncsc' }, NL);
    expect(first.body.errors).toBeUndefined();
    const acknowledged = first.body.data.acknowledgeDelivery;
    expect(acknowledged).toMatchObject({ id: 'dlv-tp30-nl-ncsc', acknowledgedBy: 'nl-ncsc:duty-officer', version: 2 });
    expect(Math.abs(Date.parse(acknowledged.acknowledgedAt) - Date.now())).toBeLessThan(60_000);

    const again = await subgraph.post(ACK, { id: 'dlv-tp30-nl-ncsc' }, NL);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.acknowledgeDelivery).toEqual(acknowledged);
    // With an expected version too, even a stale one: the delivery is acknowledged, nothing to do.
    const stale = await subgraph.post(ACK, { id: 'dlv-tp30-nl-ncsc', expectedVersion: 1 }, NL);
    expect(stale.body.data.acknowledgeDelivery).toEqual(acknowledged);
    expect((await row('dlv-tp30-nl-ncsc')).version).toBe(2);
  });

  it('checks expectedVersion on a first acknowledgement', async () => {
    // tp-09 went to de-cert-bund unacknowledged.
    const stale = await subgraph.post(ACK, { id: 'dlv-tp09-de-cert-bund', expectedVersion: 7 }, DE);
    expect(stale.body.errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await row('dlv-tp09-de-cert-bund')).acknowledgedAt).toBeNull();
    const ok = await subgraph.post(ACK, { id: 'dlv-tp09-de-cert-bund', expectedVersion: 1 }, DE);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.acknowledgeDelivery).toMatchObject({ acknowledgedBy: 'de-cert-bund:analyst-2', version: 2 });
  });

  it("refuses another organization's delivery (FORBIDDEN) and changes nothing", async () => {
    const before = await row('dlv-tp23-nl-ncsc');
    const audits = await acks();
    const { body } = await subgraph.post(ACK, { id: 'dlv-tp23-nl-ncsc' }, DE);
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await row('dlv-tp23-nl-ncsc')).toEqual(before);
    expect(await acks()).toBe(audits);
  });

  it('refuses US government principals, who may read but not acknowledge', async () => {
    const before = await row('dlv-tp01-au-acsc');
    const { body } = await subgraph.post(ACK, { id: 'dlv-tp01-au-acsc' });
    expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await row('dlv-tp01-au-acsc')).toEqual(before);
  });

  it('answers UNAUTHENTICATED for anonymous callers and NOT_FOUND for unknown ids', async () => {
    const anonymous = await subgraph.post(ACK, { id: 'dlv-tp01-au-acsc' }, ANONYMOUS);
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const missing = await subgraph.post(ACK, { id: 'dlv-nope' }, NL);
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Delivery' });
    const bad = await subgraph.post(ACK, { id: 'dlv-tp30-nl-ncsc', expectedVersion: 0 }, NL);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
  });
});
