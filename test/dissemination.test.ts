// Dissemination survives crashes: real CISA and Partners processes, killed with SIGKILL while
// products are being published and handed over; afterwards every delivery exists exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInternalSigner, generateKeyPairJwk, type Principal } from '@iag/kit/auth';
import { createTestDatabase, type TestDatabase } from '@iag/kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, freePort, startSubgraphProcess, type RunningService } from './processes';

const author: Principal = {
  kind: 'US_GOVERNMENT',
  sub: 'cisa:analyst-1',
  agency: 'CISA',
  scopes: ['threat-products:write', 'threat-products:publish', 'deliveries:read'],
};
const RECIPIENTS = ['nl-ncsc', 'de-cert-bund', 'fr-cert-fr'];
const PRODUCTS = 10;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function storage(name: string, dir: string): Promise<Record<string, string>> {
  const db: TestDatabase = await createTestDatabase(`dissemination_${name}`);
  cleanups.push(() => db.drop());
  const prefix = name.toUpperCase();
  return db.url ? { [`${prefix}_DATABASE_URL`]: db.url } : { [`${prefix}_DATA_DIR`]: join(dir, name) };
}

describe('dissemination to partners', () => {
  it('delivers every product revision to every audience organization exactly once, through crashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iag-dissemination-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const gatewayKeys = await generateKeyPairJwk('EdDSA');
    const dispatcherKeys = await generateKeyPairJwk('EdDSA');
    const sign = await createInternalSigner(gatewayKeys.privateJwk);
    const [cisaPort, partnersPort] = [await freePort(), await freePort()];
    const common = { INTERNAL_JWT_PUBLIC_KEY: JSON.stringify(gatewayKeys.publicJwk), SEED_DEMO: 'false' };
    const partnersEnv = {
      ...common,
      ...(await storage('partners', dir)),
      TRUSTED_SERVICES: JSON.stringify([{ sub: 'service:cisa-dispatcher', publicJwk: dispatcherKeys.publicJwk }]),
    };
    const cisaEnv = {
      ...common,
      ...(await storage('cisa', dir)),
      PARTNERS_URL: `http://127.0.0.1:${partnersPort}/graphql`,
      DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(dispatcherKeys.privateJwk),
      // A short lease: the batch CISA claimed when it was killed is sent again after 10 s, not 60.
      DISSEMINATION_LEASE_SECONDS: '10',
    };
    const running: Record<string, RunningService> = {};
    const start = async (name: 'cisa' | 'partners') => {
      running[name] = await startSubgraphProcess(name, name === 'cisa' ? cisaPort : partnersPort, name === 'cisa' ? cisaEnv : partnersEnv);
    };
    cleanups.push(async () => {
      for (const service of Object.values(running)) if (service.child.exitCode === null) await service.kill();
    });
    const ask = async (name: 'cisa' | 'partners', query: string, variables?: Record<string, unknown>) => {
      const port = name === 'cisa' ? cisaPort : partnersPort;
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await sign(author, name)}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const publish = (id: string) => ask('cisa', 'mutation($id: ID!) { publishThreatProduct(id: $id, expectedVersion: 1) { id } }', { id });

    await Promise.all([start('partners'), start('cisa')]);
    const ids: string[] = [];
    for (let i = 0; i < PRODUCTS; i++) {
      const draft = await ask('cisa', 'mutation($input: DraftThreatProductInput!) { draftThreatProduct(input: $input) { id } }', {
        input: {
          trackingId: `AA27-${String(100 + i)}A`,
          kind: 'ALERT',
          title: `Crash-test alert ${i}`,
          summary: 'Published while the services are killed.',
          tlp: 'AMBER',
          audience: { organizations: RECIPIENTS },
        },
      });
      ids.push(draft.draftThreatProduct.id);
    }

    // Partners dies: the first half is published into the outbox and waits, retrying.
    await running.partners.kill();
    for (const id of ids.slice(0, PRODUCTS / 2)) await publish(id);
    await start('partners');
    // CISA dies right after publishing the second half, with hand-overs in flight.
    for (const id of ids.slice(PRODUCTS / 2)) await publish(id);
    await running.cisa.kill();
    await start('cisa');
    // A revision goes to every recipient again, as revision 2.
    await ask('cisa', 'mutation($id: ID!) { reviseThreatProduct(id: $id, expectedVersion: 2, changeNote: "New indicators", input: { summary: "Revised." }) { id revision } }', { id: ids[0] });

    const expected = PRODUCTS * RECIPIENTS.length + RECIPIENTS.length;
    await eventually(
      async () => (await ask('cisa', '{ disseminationStatus { pending } }')).disseminationStatus.pending === 0,
      120_000,
      'the outbox to drain',
    );
    const data = await ask('partners', '{ deliveries(first: 100) { totalCount edges { node { product { id } recipient { id } revision } } } }');
    const keys = data.deliveries.edges.map((e: any) => `${e.node.product.id}|${e.node.recipient.id}|${e.node.revision}`);
    expect(data.deliveries.totalCount).toBe(expected);
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of ids) for (const recipient of RECIPIENTS) expect(keys).toContain(`${id}|${recipient}|1`);
    for (const recipient of RECIPIENTS) expect(keys).toContain(`${ids[0]}|${recipient}|2`);
  }, 240_000);
});
