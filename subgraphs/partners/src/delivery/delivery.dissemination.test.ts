import type { Principal } from '@iag/kit';
import { and, eq } from '@iag/kit/orm';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, deliveries, type PartnersSchema } from '../db/schema';
import { partnersMain } from '../main';

const DISPATCHER: Principal = {
  kind: 'US_GOVERNMENT',
  sub: 'service:cisa-dispatcher',
  agency: 'CISA',
  scopes: ['deliveries:write'],
};
const NL: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const DE: Principal = { kind: 'PARTNER', sub: 'de-cert-bund:analyst-2', organizationId: 'de-cert-bund', scopes: [] };
const US_READER: Principal = {
  kind: 'US_GOVERNMENT',
  sub: 'cisa:analyst-9',
  agency: 'CISA',
  scopes: ['deliveries:read'],
};
const ANONYMOUS: Principal = { kind: 'ANONYMOUS', scopes: [] };

const RECORD = `mutation($deliveries: [DeliveryIntentInput!]!) {
  recordDeliveries(deliveries: $deliveries) { recorded alreadyPresent }
}`;

let subgraph: StartedSubgraph<PartnersSchema>;
const db = () => subgraph.database.db;
const rowsOf = (productId: string) => db().select().from(deliveries).where(eq(deliveries.productId, productId));
const allRows = async () => (await db().select({ id: deliveries.id }).from(deliveries)).length;
const audits = async () =>
  db().select().from(auditLog).where(eq(auditLog.operation, 'recordDeliveries'));

const intent = (productId: string, recipientId: string, revision = 1, extra: Record<string, unknown> = {}) => ({
  productId,
  revision,
  recipientId,
  tlp: 'AMBER',
  channel: 'PORTAL',
  intentId: `outbox:${productId}:${recipientId}:r${revision}`,
  ...extra,
});

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('recordDeliveries', () => {
  const batch = [intent('tp-90', 'nl-ncsc'), intent('tp-90', 'de-cert-bund'), intent('tp-90', 'gb-ncsc', 1, { channel: 'TAXII' })];

  it('records each intent once, as dlv-<product>-<recipient>-r<revision>, now', async () => {
    const before = await allRows();
    const { body } = await subgraph.post(RECORD, { deliveries: batch }, DISPATCHER);
    expect(body.errors).toBeUndefined();
    expect(body.data.recordDeliveries).toEqual({ recorded: 3, alreadyPresent: 0 });
    const rows = await rowsOf('tp-90');
    expect(rows.map((r) => r.id).sort()).toEqual([
      'dlv-tp-90-de-cert-bund-r1',
      'dlv-tp-90-gb-ncsc-r1',
      'dlv-tp-90-nl-ncsc-r1',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ revision: 1, tlp: 'AMBER', version: 1, acknowledgedAt: null, recipientIndividual: null });
      expect(Math.abs(row.deliveredAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
    expect(rows.find((r) => r.recipientId === 'gb-ncsc')?.channel).toBe('TAXII');
    expect(await allRows()).toBe(before + 3);
    const [audit] = await audits();
    expect(audit).toMatchObject({ principalSub: 'service:cisa-dispatcher', objectType: 'Delivery' });
    expect([...audit.objectIds].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('records nothing again when the same call is repeated', async () => {
    const { body } = await subgraph.post(RECORD, { deliveries: batch }, DISPATCHER);
    expect(body.errors).toBeUndefined();
    expect(body.data.recordDeliveries).toEqual({ recorded: 0, alreadyPresent: 3 });
    expect(await rowsOf('tp-90')).toHaveLength(3);
    // The call is still audited, with nothing new to name.
    const last = (await audits()).at(-1)!;
    expect(last.objectIds).toEqual(['none']);
  });

  it('counts a seeded delivery (revision 1) as already present', async () => {
    const { body } = await subgraph.post(RECORD, { deliveries: [intent('tp-30', 'nl-ncsc')] }, DISPATCHER);
    expect(body.data.recordDeliveries).toEqual({ recorded: 0, alreadyPresent: 1 });
    expect((await rowsOf('tp-30')).map((r) => [r.id, r.revision])).toEqual([['dlv-tp30-nl-ncsc', 1]]);
  });

  it('records each delivery exactly once under 20 concurrent identical calls', async () => {
    const concurrent = [intent('tp-91', 'nl-ncsc'), intent('tp-91', 'ua-cert-ua'), intent('tp-91', 'jp-jpcert')];
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => subgraph.post(RECORD, { deliveries: concurrent }, DISPATCHER)),
    );
    for (const { body } of responses) expect(body.errors).toBeUndefined();
    const results = responses.map(({ body }) => body.data.recordDeliveries);
    expect(results.reduce((sum, r) => sum + r.recorded, 0)).toBe(3);
    for (const r of results) expect(r.recorded + r.alreadyPresent).toBe(3);
    expect((await rowsOf('tp-91')).map((r) => r.id).sort()).toEqual([
      'dlv-tp-91-jp-jpcert-r1',
      'dlv-tp-91-nl-ncsc-r1',
      'dlv-tp-91-ua-cert-ua-r1',
    ]);
  });

  it('counts a duplicate within one call once', async () => {
    const { body } = await subgraph.post(
      RECORD,
      { deliveries: [intent('tp-92', 'nl-ncsc'), intent('tp-92', 'nl-ncsc')] },
      DISPATCHER,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.recordDeliveries).toEqual({ recorded: 1, alreadyPresent: 1 });
    expect(await rowsOf('tp-92')).toHaveLength(1);
  });

  it('records a new revision of the same product and recipient as a new delivery', async () => {
    const { body } = await subgraph.post(
      RECORD,
      { deliveries: [intent('tp-90', 'nl-ncsc', 2, { tlp: 'RED', channel: 'BRIEFING', recipientIndividual: 'nl-ncsc:duty-officer' })] },
      DISPATCHER,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.recordDeliveries).toEqual({ recorded: 1, alreadyPresent: 0 });
    const rows = await db()
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.productId, 'tp-90'), eq(deliveries.recipientId, 'nl-ncsc')));
    expect(rows.map((r) => [r.id, r.revision]).sort()).toEqual([
      ['dlv-tp-90-nl-ncsc-r1', 1],
      ['dlv-tp-90-nl-ncsc-r2', 2],
    ]);
    expect(rows.find((r) => r.revision === 2)).toMatchObject({
      tlp: 'RED',
      channel: 'BRIEFING',
      recipientIndividual: 'nl-ncsc:duty-officer',
    });
  });

  it('refuses bad input with one error per field and writes nothing', async () => {
    const before = await allRows();
    const auditsBefore = (await audits()).length;
    const { body } = await subgraph.post(
      RECORD,
      {
        deliveries: [
          intent('tp-93', 'nl-ncsc'),
          intent('-tp-93', 'nl-ncsc'),
          intent('tp-93', 'nl ncsc', 0, { intentId: 'outbox:2' }),
          intent('tp-93', 'de-cert-bund', 10_001, { intentId: '' }),
          intent('x'.repeat(129), 'gb-ncsc', 1, { intentId: 'outbox:4', recipientIndividual: 'y'.repeat(201) }),
        ],
      },
      DISPATCHER,
    );
    expect(body.data).toBeNull();
    const fields = body.errors.map((e: any) => [e.extensions.code, e.extensions.field]);
    expect(fields).toEqual(
      [
        'deliveries[1].productId',
        'deliveries[2].revision',
        'deliveries[2].recipientId',
        'deliveries[3].revision',
        'deliveries[3].intentId',
        'deliveries[4].productId',
        'deliveries[4].recipientIndividual',
      ].map((field) => ['BAD_USER_INPUT', field]),
    );
    expect(await allRows()).toBe(before);
    expect(await rowsOf('tp-93')).toHaveLength(0);
    expect((await audits()).length).toBe(auditsBefore);
  });

  it('refuses an empty batch and one over 500', async () => {
    const empty = await subgraph.post(RECORD, { deliveries: [] }, DISPATCHER);
    expect(empty.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveries' });
    const big = Array.from({ length: 501 }, (_, i) => intent('tp-94', `org-${i}`));
    const tooMany = await subgraph.post(RECORD, { deliveries: big }, DISPATCHER);
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveries' });
    expect(await rowsOf('tp-94')).toHaveLength(0);
  });

  it('accepts 500 in one call', async () => {
    const full = Array.from({ length: 500 }, (_, i) => intent('tp-95', `org-${i}`));
    const { body } = await subgraph.post(RECORD, { deliveries: full }, DISPATCHER);
    expect(body.errors).toBeUndefined();
    expect(body.data.recordDeliveries).toEqual({ recorded: 500, alreadyPresent: 0 });
  });

  it('refuses partners and US principals without deliveries:write, and anonymous callers', async () => {
    const before = await allRows();
    const one = { deliveries: [intent('tp-96', 'nl-ncsc')] };
    for (const principal of [NL, US_READER]) {
      const { body } = await subgraph.post(RECORD, one, principal);
      expect(body.data).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    // The default test principal: US government with many scopes, but not deliveries:write.
    const usDefault = await subgraph.post(RECORD, one);
    expect(usDefault.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await subgraph.post(RECORD, one, ANONYMOUS);
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await allRows()).toBe(before);
  });

  it('shows the recipient partner its new delivery, and no one else', async () => {
    const query = `{ deliveries(product: "tp-90", first: 100) { totalCount edges { node { id revision tlp channel product { id } recipient { id } } } } }`;
    const nl = await subgraph.post(query, undefined, NL);
    expect(nl.body.errors).toBeUndefined();
    expect(nl.body.data.deliveries.edges.map((e: any) => e.node)).toEqual([
      { id: 'dlv-tp-90-nl-ncsc-r2', revision: 2, tlp: 'RED', channel: 'BRIEFING', product: { id: 'tp-90' }, recipient: { id: 'nl-ncsc' } },
      { id: 'dlv-tp-90-nl-ncsc-r1', revision: 1, tlp: 'AMBER', channel: 'PORTAL', product: { id: 'tp-90' }, recipient: { id: 'nl-ncsc' } },
    ]);
    const de = await subgraph.post(query, undefined, DE);
    expect(de.body.data.deliveries.edges.map((e: any) => e.node.id)).toEqual(['dlv-tp-90-de-cert-bund-r1']);
    const one = await subgraph.post('{ delivery(id: "dlv-tp-90-nl-ncsc-r1") { id revision acknowledgedAt } }', undefined, NL);
    expect(one.body.data.delivery).toEqual({ id: 'dlv-tp-90-nl-ncsc-r1', revision: 1, acknowledgedAt: null });
  });
});
