import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { sql } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from './db/schema';
import { cisaMain } from './main';
import { personas, type PersonaName } from './test-personas';

// Every read of AMBER, AMBER+STRICT or RED products leaves a record; CISA auditors read them.
let subgraph: StartedSubgraph<CisaSchema>;
const as = (name: PersonaName, query: string, variables?: Record<string, unknown>) =>
  subgraph.post(query, variables, personas[name]).then((r) => r.body);
const auditLog = (args: string) =>
  as('testPrincipal', `{ cisaAuditLog(${args}, first: 100) { totalCount edges { node {
    operation principalSub principalKind principalOrganization objectType objectIds requestId } } } }`).then((body) => {
    expect(body.errors).toBeUndefined();
    return body.data.cisaAuditLog.edges.map((e: { node: Record<string, unknown> }) => e.node);
  });

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('audit of reads', () => {
  it("records partner-nl's read of tp-23 for CISA's auditors", async () => {
    expect((await as('partnerNl', '{ threatProduct(id: "tp-23") { id } }')).errors).toBeUndefined();
    const records = await auditLog('objectId: "tp-23"');
    expect(records).toContainEqual(
      expect.objectContaining({
        operation: 'read',
        principalSub: 'nl-ncsc:duty-officer',
        principalKind: 'PARTNER',
        principalOrganization: 'nl-ncsc',
        objectType: 'ThreatProduct',
        objectIds: ['tp-23'],
      }),
    );
  });

  it('records one row per request for a whole list, with only the AMBER/RED products shown', async () => {
    await as('partnerDe', '{ threatProducts(first: 100) { edges { node { id } } } }');
    const records = await auditLog('principal: "de-cert-bund:analyst-2"');
    expect(records).toHaveLength(1);
    expect(records[0].objectIds).toEqual(['tp-24', 'tp-25', 'tp-33', 'tp-42']);
  });

  it('records reads through _entities and nested lists, but not of CLEAR or GREEN products', async () => {
    await as('dhsAnalyst', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ThreatProduct { id } ... on Engagement { threatProductsShared { id } } } }', {
      r: [{ __typename: 'ThreatProduct', id: 'tp-01' }, { __typename: 'ThreatProduct', id: 'tp-13' }, { __typename: 'Engagement', id: 'eng-14' }, { __typename: 'ThreatProduct', id: 'tp-28' }],
    });
    const records = await auditLog('principal: "dhs:coordinator-1"');
    expect(records).toHaveLength(1);
    expect(records[0].objectIds).toEqual(['tp-26', 'tp-28']);
  });

  it('writes nothing for a request that shows no AMBER/RED product', async () => {
    await as('anonymous', '{ threatProducts(first: 100) { totalCount } p: threatProduct(id: "tp-01") { id } }');
    expect(await auditLog('objectId: "tp-01"')).toEqual([]);
  });
});

describe('audit log filters', () => {
  it('narrows by time: since (inclusive) and before (exclusive), with the reader', async () => {
    await as('partnerNl', '{ threatProduct(id: "tp-24") { id } }');
    const [first] = await subgraph.database.db.execute(sql`select max(at) as at from audit_log`).then((r: any) => r.rows ?? r);
    const cut = new Date(new Date(first.at).getTime() + 1);
    await as('partnerNl', '{ threatProduct(id: "tp-34") { id } }');
    const reader = 'principal: "nl-ncsc:duty-officer"';
    const objects = (records: { objectIds: string[] }[]) => records.flatMap((r) => r.objectIds);
    const after = objects(await auditLog(`${reader}, since: "${cut.toISOString()}"`));
    const earlier = objects(await auditLog(`${reader}, before: "${cut.toISOString()}"`));
    expect(after).toEqual(['tp-34']);
    expect(earlier).toContain('tp-24');
    expect(earlier).not.toContain('tp-34');
    expect(objects(await auditLog(`${reader}, since: "${new Date(first.at).toISOString()}", before: "${cut.toISOString()}"`))).toEqual(['tp-24']);
    const wrong = await as('testPrincipal', `{ cisaAuditLog(since: "${cut.toISOString()}", before: "${cut.toISOString()}") { totalCount } }`);
    expect(wrong.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });
});

describe('audit log access and integrity', () => {
  it('refuses the log to auditors of another agency', async () => {
    const body = await as('dhsAuditor', '{ cisaAuditLog { totalCount } }');
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses to update or delete records', async () => {
    await as('partnerNl', '{ threatProduct(id: "tp-40") { id } }');
    // The trigger's message is on the driver's error, which the ORM wraps as `cause`.
    const refusal = (statement: Promise<unknown>) =>
      statement.then(
        () => 'accepted',
        (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ''}`,
      );
    expect(await refusal(subgraph.database.db.execute(sql`update audit_log set operation = 'x'`))).toMatch(/append-only/);
    expect(await refusal(subgraph.database.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect((await auditLog('objectId: "tp-40"')).map((r: { operation: string }) => r.operation)).toEqual(['read']);
  });
});
