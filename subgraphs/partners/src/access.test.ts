import type { Principal } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { startTestSubgraph, TEST_PRINCIPAL, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnersSchema } from './db/schema';
import { partnersMain } from './main';
import { demoDeliveries } from './seed/data/deliveries';
import { demoSightings } from './seed/data/sightings';

// The callers of docs/access.md; TEST_PRINCIPAL (CISA, every scope) is the US government with rights.
const ANONYMOUS: Principal = { kind: 'ANONYMOUS', scopes: [] };
const PARTNER_NL: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const PARTNER_DE: Principal = {
  kind: 'PARTNER',
  sub: 'de-cert-bund:analyst-2',
  organizationId: 'de-cert-bund',
  scopes: [],
};
const US_NO_SCOPES: Principal = { kind: 'US_GOVERNMENT', sub: 'dhs:intern-1', agency: 'DHS', scopes: [] };

let subgraph: StartedSubgraph<PartnersSchema>;
const as = (principal: Principal, query: string, variables?: Record<string, unknown>) =>
  subgraph.post(query, variables, principal);
const entities = (principal: Principal, selection: string, representations: object[]) =>
  as(principal, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });
const ids = (connection: any): string[] => connection.edges.map((e: any) => e.node.id);
const codes = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);

// Expected sets come from the seed modules, so the tests follow the demo data as it changes.
const nlDeliveries = demoDeliveries.filter((d) => d.recipientId === 'nl-ncsc').map((d) => d.id);
const deSightings = demoSightings.filter((s) => s.organizationId === 'de-cert-bund').map((s) => s.id);
const foreignSighting = demoSightings.find((s) => s.organizationId !== 'nl-ncsc')!;

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('deliveries and sightings: partners see their own organization only', () => {
  it("lists exactly the partner's own deliveries, and totalCount agrees", async () => {
    const { body } = await as(PARTNER_NL, '{ deliveries(first: 100) { totalCount edges { node { id } } } }');
    expect(body.errors).toBeUndefined();
    expect(nlDeliveries.length).toBeGreaterThan(0);
    expect(ids(body.data.deliveries).sort()).toEqual([...nlDeliveries].sort());
    expect(body.data.deliveries.totalCount).toBe(nlDeliveries.length);
  });

  it("gives an empty list, totalCount 0, for another organization's deliveries", async () => {
    const { body } = await as(
      PARTNER_NL,
      '{ deliveries(recipient: "de-cert-bund", first: 100) { totalCount edges { node { id } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.deliveries).toEqual({ totalCount: 0, edges: [] });
  });

  it('lists only its own sightings', async () => {
    const { body } = await as(PARTNER_DE, '{ sightings(first: 100) { totalCount edges { node { id } } } }');
    expect(body.errors).toBeUndefined();
    expect(ids(body.data.sightings).sort()).toEqual([...deSightings].sort());
    expect(body.data.sightings.totalCount).toBe(deSightings.length);
  });

  it('filters ThreatProduct.deliveries and Organization.deliveries on the _entities path', async () => {
    const product = await entities(PARTNER_NL, '... on ThreatProduct { deliveries { recipient { id } } }', [
      { __typename: 'ThreatProduct', id: 'tp-24' },
    ]);
    expect(product.body.errors).toBeUndefined();
    expect(product.body.data._entities[0].deliveries).toEqual([{ recipient: { id: 'nl-ncsc' } }]);
    const organization = await entities(PARTNER_NL, '... on Organization { deliveries { totalCount } }', [
      { __typename: 'Organization', id: 'de-cert-bund' },
    ]);
    expect(organization.body.errors).toBeUndefined();
    expect(organization.body.data._entities[0].deliveries.totalCount).toBe(0);
  });

  it("refuses another organization's delivery by id with FORBIDDEN, and NOT_FOUND stays for unknown ids", async () => {
    const foreign = await as(PARTNER_NL, '{ delivery(id: "dlv-tp24-de-cert-bund") { id } }');
    expect(foreign.body.data.delivery).toBeNull();
    expect(codes(foreign.body)).toEqual(['FORBIDDEN']);
    const own = await as(PARTNER_NL, '{ delivery(id: "dlv-tp24-nl-ncsc") { id } }');
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.delivery).toEqual({ id: 'dlv-tp24-nl-ncsc' });
    const missing = await as(PARTNER_NL, '{ delivery(id: "dlv-nope") { id } }');
    expect(codes(missing.body)).toEqual(['NOT_FOUND']);
  });

  it('resolves own Delivery references and refuses foreign ones (null + FORBIDDEN); unknown is null', async () => {
    const { body } = await entities(PARTNER_NL, '... on Delivery { id }', [
      { __typename: 'Delivery', id: 'dlv-tp24-nl-ncsc' },
      { __typename: 'Delivery', id: 'dlv-tp24-de-cert-bund' },
      { __typename: 'Delivery', id: 'dlv-nope' },
    ]);
    expect(body.data._entities).toEqual([{ id: 'dlv-tp24-nl-ncsc' }, null, null]);
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(body.errors[0].path).toEqual(['_entities', 1]);
  });

  it('refuses a foreign sighting by id and by reference', async () => {
    const root = await as(PARTNER_NL, 'query($id: ID!) { sighting(id: $id) { id } }', { id: foreignSighting.id });
    expect(root.body.data.sighting).toBeNull();
    expect(codes(root.body)).toEqual(['FORBIDDEN']);
    const reference = await entities(PARTNER_NL, '... on Sighting { id }', [
      { __typename: 'Sighting', id: foreignSighting.id },
    ]);
    expect(reference.body.data._entities).toEqual([null]);
    expect(codes(reference.body)).toEqual(['FORBIDDEN']);
  });
});

describe('deliveries and sightings: anonymous and US government callers', () => {
  it('gives anonymous callers UNAUTHENTICATED on single objects and empty lists', async () => {
    const { body } = await as(
      ANONYMOUS,
      `{ delivery(id: "dlv-tp23-nl-ncsc") { id }
         deliveries(first: 100) { totalCount edges { node { id } } }
         sightings(first: 100) { totalCount edges { node { id } } } }`,
    );
    expect(body.data.delivery).toBeNull();
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
    expect(body.data.deliveries).toEqual({ totalCount: 0, edges: [] });
    expect(body.data.sightings).toEqual({ totalCount: 0, edges: [] });
    const sighting = await as(ANONYMOUS, 'query($id: ID!) { sighting(id: $id) { id } }', { id: demoSightings[0].id });
    expect(codes(sighting.body)).toEqual(['UNAUTHENTICATED']);
  });

  it('shows a US principal without deliveries:read no deliveries or sightings', async () => {
    const { body } = await as(
      US_NO_SCOPES,
      `{ delivery(id: "dlv-tp23-nl-ncsc") { id }
         deliveries(first: 100) { totalCount } sightings(first: 100) { totalCount } }`,
    );
    expect(body.data.delivery).toBeNull();
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(body.data.deliveries.totalCount).toBe(0);
    expect(body.data.sightings.totalCount).toBe(0);
  });

  it('shows a US principal with deliveries:read every delivery and sighting', async () => {
    const { body } = await as(
      TEST_PRINCIPAL,
      '{ deliveries(first: 1) { totalCount } sightings(first: 1) { totalCount } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.deliveries.totalCount).toBe(demoDeliveries.length);
    expect(body.data.sightings.totalCount).toBe(demoSightings.length);
  });
});

describe('maturity assessments: US government with maturity:read only', () => {
  it("refuses a partner its own organization's maturity, and keeps the rest of the response", async () => {
    const { body } = await entities(
      PARTNER_NL,
      '... on Organization { id maturity { level } maturityHistory { level } deliveries { totalCount } }',
      [{ __typename: 'Organization', id: 'nl-ncsc' }],
    );
    expect(body.data._entities[0]).toEqual({
      id: 'nl-ncsc',
      maturity: null,
      maturityHistory: null,
      deliveries: { totalCount: nlDeliveries.length },
    });
    expect(codes(body)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('refuses the root fields to partners and to US principals without the scope', async () => {
    const query = '{ maturityAssessments(first: 5) { totalCount } }';
    for (const principal of [PARTNER_NL, US_NO_SCOPES]) {
      const { body } = await as(principal, query);
      expect(body.data).toBeNull();
      expect(codes(body)).toEqual(['FORBIDDEN']);
    }
    const anonymous = await as(ANONYMOUS, '{ maturityAssessment(id: "ma-ua-grid-ops-2026-04-21") { level } }');
    expect(codes(anonymous.body)).toEqual(['UNAUTHENTICATED']);
    const allowed = await as(TEST_PRINCIPAL, query);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.maturityAssessments.totalCount).toBeGreaterThan(0);
  });

  it('refuses MaturityAssessment references without the scope', async () => {
    const reps = [{ __typename: 'MaturityAssessment', id: 'ma-ua-grid-ops-2026-04-21' }];
    const refused = await entities(PARTNER_NL, '... on MaturityAssessment { level }', reps);
    expect(refused.body.data._entities).toEqual([null]);
    expect(codes(refused.body)).toEqual(['FORBIDDEN']);
    const allowed = await entities(TEST_PRINCIPAL, '... on MaturityAssessment { level }', reps);
    expect(allowed.body.data._entities).toEqual([{ level: 3 }]);
  });
});

describe('audit of AMBER, AMBER+STRICT and RED reads', () => {
  const auditQuery = `query($id: ID!) { partnersAuditLog(objectId: $id, first: 100) {
    edges { node { principalSub operation objectType objectIds } } } }`;
  const recordsOf = async (objectId: string) => {
    const { body } = await subgraph.post(auditQuery, { id: objectId });
    expect(body.errors).toBeUndefined();
    return body.data.partnersAuditLog.edges.map((e: any) => e.node);
  };

  it("records a partner's read of an AMBER delivery", async () => {
    const amber = demoDeliveries.find((d) => d.id === 'dlv-tp23-nl-ncsc')!;
    expect(amber.tlp).toBe('AMBER');
    const { body } = await as(PARTNER_NL, '{ delivery(id: "dlv-tp23-nl-ncsc") { id tlp } }');
    expect(body.errors).toBeUndefined();
    expect(await recordsOf(amber.id)).toContainEqual(
      expect.objectContaining({ principalSub: 'nl-ncsc:duty-officer', operation: 'read', objectType: 'Delivery' }),
    );
  });

  it('records list reads of restricted deliveries, and neither CLEAR ones nor refused ones', async () => {
    const clear = demoDeliveries.find((d) => d.recipientId === 'de-cert-bund' && d.tlp === 'CLEAR')!;
    const red = demoDeliveries.find((d) => d.recipientId === 'de-cert-bund' && d.tlp === 'RED')!;
    await as(PARTNER_DE, '{ deliveries(first: 100) { edges { node { id } } } }');
    const byDe = (records: any[]) => records.filter((r) => r.principalSub === PARTNER_DE.sub);
    expect(byDe(await recordsOf(red.id))).not.toHaveLength(0);
    expect(byDe(await recordsOf(clear.id))).toHaveLength(0);
    await as(PARTNER_NL, 'query($id: ID!) { delivery(id: $id) { id } }', { id: red.id });
    const refused = (await recordsOf(red.id)).filter((r: any) => r.principalSub === PARTNER_NL.sub);
    expect(refused).toHaveLength(0);
  });

  it('keeps audit rows append-only', async () => {
    await expect(subgraph.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(subgraph.database.db.execute(sql`update audit_log set operation = 'x'`)).rejects.toThrow();
  });
});
