import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInternalVerifier, generateKeyPairJwk, type KeyPairJwk } from '@iag/kit';
import { and, eq, sql } from '@iag/kit/orm';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disseminationOutbox, threatProducts, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { nudgeDissemination } from './nudge';

// A fake Partners subgraph: checks the bearer token the way Partners does (the dispatcher's own
// key, its own `sub`, audience 'partners'), records every call, and is idempotent on
// (product, recipient, revision) like the real one.
interface Intent { productId: string; revision: number; recipientId: string; tlp: string; channel: string; recipientIndividual: string | null; intentId: string }
const partners = {
  mode: 'ok' as 'ok' | 'fail',
  calls: [] as { sub: string; scopes: readonly string[]; intents: Intent[] }[],
  refused: 0,
  failed: 0,
  delivered: new Map<string, Intent>(),
  alreadyPresent: 0,
};
let fake: Server;
let subgraph: StartedSubgraph<CisaSchema>;
let dispatcherKeys: KeyPairJwk;

const DRAFT = `mutation($input: DraftThreatProductInput!) { draftThreatProduct(input: $input) { id version } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishThreatProduct(id: $id, expectedVersion: $v) { id version status revision } }`;
const REVISE = `mutation($id: ID!, $v: Int!, $input: ThreatProductChangeInput!, $note: String!) { reviseThreatProduct(id: $id, expectedVersion: $v, input: $input, changeNote: $note) { id version revision } }`;
const STATUS = `{ disseminationStatus { pending failing oldestPendingAt lagSeconds dispatched lastError } }`;
const ORGS = ['org-alpha-grid', 'org-beta-port'];

const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const status = async () => {
  const { body } = await gql(STATUS);
  expect(body.errors).toBeUndefined();
  return body.data.disseminationStatus;
};
const outbox = (productId: string) =>
  subgraph.database.db.select().from(disseminationOutbox).where(eq(disseminationOutbox.productId, productId)).orderBy(disseminationOutbox.revision, disseminationOutbox.recipientId);

/** Polls `check` until it returns true; fails with `what` after the deadline. No fixed sleeps. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Makes the backed-off rows due now, as if their retry time had come, and wakes the dispatcher. */
async function timePasses(productId: string) {
  await subgraph.database.db.update(disseminationOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(disseminationOutbox.productId, productId));
  nudgeDissemination();
}

let counter = 0;
async function draft(organizations = ORGS) {
  counter += 1;
  const input = {
    trackingId: `AA26-9${String(counter).padStart(2, '0')}D`, kind: 'ADVISORY', title: `Dissemination ${counter}`, summary: 'To partners.', tlp: 'AMBER',
    audience: { agencies: ['CISA'], organizations },
  };
  const { body } = await gql(DRAFT, { input });
  expect(body.errors).toBeUndefined();
  return body.data.draftThreatProduct as { id: string; version: number };
}

beforeAll(async () => {
  dispatcherKeys = await generateKeyPairJwk('EdDSA');
  const gatewayKeys = await generateKeyPairJwk('EdDSA');
  const verify = await createInternalVerifier(gatewayKeys.publicJwk, 'partners', [
    { sub: 'service:cisa-dispatcher', publicJwk: dispatcherKeys.publicJwk },
  ]);
  fake = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    let principal;
    try {
      principal = await verify(req.headers.authorization);
    } catch {
      partners.refused += 1;
      return answer(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    expect(query).toContain('recordDeliveries(deliveries: $d)');
    const intents = variables.d as Intent[];
    partners.calls.push({ sub: principal.sub!, scopes: principal.scopes, intents });
    if (partners.mode === 'fail') {
      partners.failed += 1;
      return answer(500, { errors: [{ message: 'down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
    let recorded = 0;
    let alreadyPresent = 0;
    for (const intent of intents) {
      const key = `${intent.productId}|${intent.recipientId}|${intent.revision}`;
      if (partners.delivered.has(key)) alreadyPresent += 1;
      else {
        partners.delivered.set(key, intent);
        recorded += 1;
      }
    }
    partners.alreadyPresent += alreadyPresent;
    answer(200, { data: { recordDeliveries: { recorded, alreadyPresent } } });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const { port } = fake.address() as AddressInfo;
  subgraph = await startTestSubgraph(cisaMain, {
    env: { PARTNERS_URL: `http://127.0.0.1:${port}/graphql`, DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(dispatcherKeys.privateJwk) },
  });
});
afterAll(async () => {
  await subgraph?.close();
  await new Promise((resolve) => fake?.close(resolve));
});

describe('dissemination outbox and dispatcher', () => {
  let productId: string;

  it('queues one row per audience organization with the publish, and none when the publish fails', async () => {
    const { id, version } = await draft();
    productId = id;
    expect(await outbox(id)).toHaveLength(0);

    const stale = await gql(PUBLISH, { id, v: version + 5 });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(await outbox(id)).toHaveLength(0);
    const [still] = await subgraph.database.db.select({ status: threatProducts.status }).from(threatProducts).where(eq(threatProducts.id, id));
    expect(still.status).toBe('DRAFT');

    const published = await gql(PUBLISH, { id, v: version });
    expect(published.body.data.publishThreatProduct).toMatchObject({ status: 'PUBLISHED', revision: 1 });
    const rows = await outbox(id);
    expect(rows.map((r) => [r.revision, r.recipientId, r.tlp, r.channel])).toEqual([
      [1, ORGS[0], 'AMBER', 'PORTAL'],
      [1, ORGS[1], 'AMBER', 'PORTAL'],
    ]);
  });

  it('queues the new revision for every organization when a product is revised', async () => {
    const [{ version }] = await subgraph.database.db.select({ version: threatProducts.version }).from(threatProducts).where(eq(threatProducts.id, productId));
    const revised = await gql(REVISE, { id: productId, v: version, input: { summary: 'Updated.' }, note: 'More detail.' });
    expect(revised.body.errors).toBeUndefined();
    expect(revised.body.data.reviseThreatProduct.revision).toBe(2);
    const rows = await outbox(productId);
    expect(rows.map((r) => [r.revision, r.recipientId])).toEqual([
      [1, ORGS[0]], [1, ORGS[1]], [2, ORGS[0]], [2, ORGS[1]],
    ]);
  });

  it('delivers the rows to Partners as the dispatcher service and marks them dispatched', async () => {
    await until('all rows dispatched', async () => (await outbox(productId)).every((r) => r.dispatchedAt !== null));
    expect(partners.refused).toBe(0);
    expect(partners.calls.length).toBeGreaterThan(0);
    for (const call of partners.calls) {
      expect(call.sub).toBe('service:cisa-dispatcher');
      expect(call.scopes).toEqual(['deliveries:write']);
    }
    const sent = partners.calls.flatMap((c) => c.intents).filter((i) => i.productId === productId);
    expect(sent.map((i) => [i.revision, i.recipientId]).sort()).toEqual([[1, ORGS[0]], [1, ORGS[1]], [2, ORGS[0]], [2, ORGS[1]]]);
    expect(sent[0]).toMatchObject({ tlp: 'AMBER', channel: 'PORTAL', recipientIndividual: null });
    expect(new Set(sent.map((i) => i.intentId)).size).toBe(4);
    expect(await status()).toMatchObject({ pending: 0, failing: 0, oldestPendingAt: null, lagSeconds: 0, dispatched: 4, lastError: null });
  });

  it('backs off while Partners fails, shows it in the status, and delivers everything once it is back', async () => {
    partners.mode = 'fail';
    const { id, version } = await draft();
    expect((await gql(PUBLISH, { id, v: version })).body.errors).toBeUndefined();

    await until('a failed attempt', async () => (await outbox(id)).every((r) => r.attempts >= 1));
    let rows = await outbox(id);
    const [later] = await subgraph.database.db
      .select({ ahead: sql<boolean>`bool_and(${disseminationOutbox.nextAttemptAt} > now())` })
      .from(disseminationOutbox).where(eq(disseminationOutbox.productId, id));
    expect(later.ahead).toBe(true);
    expect(rows.every((r) => r.dispatchedAt === null && r.lastError === 'Partners answered HTTP 500: INTERNAL_SERVER_ERROR')).toBe(true);

    const failing = await status();
    expect(failing).toMatchObject({ pending: 2, failing: 2, dispatched: 4, lastError: 'Partners answered HTTP 500: INTERNAL_SERVER_ERROR' });
    expect(Date.parse(failing.oldestPendingAt)).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(failing.lagSeconds).toBeGreaterThanOrEqual(0);
    // Which deliveries are stuck, where and why: the two rows of this product, oldest first.
    const stuck = await gql(`{ disseminationStatus { pendingDeliveries(first: 5) { product { id } revision recipient { id } queuedAt attempts nextAttemptAt lastError } } }`);
    expect(stuck.body.errors).toBeUndefined();
    const pendingRows = stuck.body.data.disseminationStatus.pendingDeliveries;
    expect(pendingRows.map((p: any) => [p.product.id, p.revision, p.recipient.id])).toEqual(ORGS.map((org) => [id, 1, org]));
    for (const p of pendingRows) {
      expect(p.lastError).toBe('Partners answered HTTP 500: INTERNAL_SERVER_ERROR');
      expect(p.attempts).toBeGreaterThanOrEqual(1);
      expect(Date.parse(p.nextAttemptAt)).toBeGreaterThan(Date.parse(p.queuedAt));
    }
    const tooMany = await gql('{ disseminationStatus { pendingDeliveries(first: 101) { revision } } }');
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    // Attempts grow, and each one waits longer (2^attempts s, before jitter).
    const firstWait = await subgraph.database.db
      .select({ s: sql<number>`extract(epoch from ${disseminationOutbox.nextAttemptAt} - now())`.mapWith(Number) })
      .from(disseminationOutbox).where(eq(disseminationOutbox.productId, id));
    expect(firstWait.every((w) => w.s > 1 && w.s <= 2.4)).toBe(true);
    await timePasses(id);
    await until('a second failed attempt', async () => (await outbox(id)).every((r) => r.attempts >= 2));
    const secondWait = await subgraph.database.db
      .select({ s: sql<number>`extract(epoch from ${disseminationOutbox.nextAttemptAt} - now())`.mapWith(Number) })
      .from(disseminationOutbox).where(eq(disseminationOutbox.productId, id));
    expect(secondWait.every((w) => w.s > 3 && w.s <= 4.8)).toBe(true);

    partners.mode = 'ok';
    await timePasses(id);
    await until('the backlog delivered', async () => (await status()).pending === 0);
    rows = await outbox(id);
    expect(rows.every((r) => r.dispatchedAt !== null && r.attempts === 2)).toBe(true);
    expect(await status()).toMatchObject({ pending: 0, failing: 0, dispatched: 6, lastError: null });
  });

  it('sends a batch again when its marking was lost, and Partners keeps one delivery of each', async () => {
    const before = partners.delivered.size;
    const original = [...partners.delivered.values()].filter((i) => i.productId === productId).map((i) => i.intentId).sort();
    // As if the process had died after Partners answered but before dispatched_at was written,
    // and the batch's claim lease had since run out.
    await subgraph.database.db
      .update(disseminationOutbox)
      .set({ dispatchedAt: null, nextAttemptAt: sql`now()` })
      .where(and(eq(disseminationOutbox.productId, productId), eq(disseminationOutbox.revision, 2)));
    expect((await status()).pending).toBe(2);
    const callsBefore = partners.calls.length;
    nudgeDissemination();
    await until('the lost batch resent and marked', async () => (await status()).pending === 0);

    const resent = partners.calls.slice(callsBefore).flatMap((c) => c.intents);
    expect(resent.map((i) => [i.productId, i.revision, i.recipientId])).toEqual([
      [productId, 2, ORGS[0]], [productId, 2, ORGS[1]],
    ].sort());
    expect(resent.every((i) => original.includes(i.intentId))).toBe(true);
    expect(partners.alreadyPresent).toBe(2);
    expect(partners.delivered.size).toBe(before);
  });

  it('answers the status to publishers only', async () => {
    const { body } = await subgraph.post(STATUS, undefined, { kind: 'US_GOVERNMENT', sub: 'cisa:reader', agency: 'CISA', scopes: ['threat-products:write'] });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
