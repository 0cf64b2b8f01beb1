// Faults the hub survives (issue #6): SIGTERM with requests in flight, sent to the gateway and to
// a subgraph, each a real process. Real HTTP, real tokens.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createInternalSigner, generateKeyPairJwk } from '@iag/kit/auth';
import { createTestDatabase } from '@iag/kit/testing';
import { personas } from '../gateway/src/auth/personas';
import { composeSupergraph, defaultSubgraphUrl } from '../scripts/lib/compose';
import { subgraphs } from '../scripts/subgraphs';
import { eventually, freePort, startGatewayProcess, startSubgraphProcess, type RunningService } from './processes';
import { requestInFlight } from './faults/support';

describe('SIGTERM drains requests in flight and closes cleanly, in every process', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'iag-faults-'));
  const cleanups: (() => Promise<unknown> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const running: RunningService[] = [];
  afterAll(async () => {
    for (const service of running) if (service.child.exitCode === null && service.child.signalCode === null) await service.kill();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const exitOf = (service: RunningService) =>
    new Promise<number | null>((resolve) =>
      service.child.exitCode !== null ? resolve(service.child.exitCode) : service.child.once('exit', (code) => resolve(code)),
    );
  const said = (service: RunningService, msg: string) => service.logs.join('').includes(`"msg":"${msg}"`);

  it('the gateway, then a subgraph, each answer the request in flight, close, and exit 0', async () => {
    const internal = await generateKeyPairJwk('EdDSA');
    const db = await createTestDatabase('faults_state');
    cleanups.push(() => db.drop());
    const [statePort, gatewayPort] = [await freePort(), await freePort()];
    // The committed subgraph schemas; only state runs, and only state is asked.
    const composed = composeSupergraph(
      subgraphs.map((s) => ({ name: s.name, url: defaultSubgraphUrl(s.port), sdl: readFileSync(join(root, `schema/${s.name}.graphql`), 'utf8') })),
    );
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const supergraphPath = join(dir, 'supergraph.graphql');
    writeFileSync(supergraphPath, composed.supergraphSdl);
    const starting = [
      startSubgraphProcess('state', statePort, {
        INTERNAL_JWT_PUBLIC_KEY: JSON.stringify(internal.publicJwk),
        SEED_DEMO: 'false',
        ...(db.url ? { STATE_DATABASE_URL: db.url } : { STATE_DATA_DIR: join(dir, 'state') }),
      }),
      startGatewayProcess(gatewayPort, {
        SUPERGRAPH_PATH: supergraphPath,
        SUPERGRAPH_WATCH: 'false',
        // An external issuer, so the test leaves the checkout's development keys alone.
        AUTH_ISSUER: 'https://idp.test.invalid/',
        AUTH_AUDIENCE: 'test',
        AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
        INTERNAL_JWT_PRIVATE_KEY: JSON.stringify(internal.privateJwk),
        STATE_URL: defaultSubgraphUrl(statePort),
      }),
    ];
    // Both at once: the gateway needs no subgraph to start, and a loaded machine is slow at each.
    const [state, gateway] = await Promise.all(
      starting.map(async (start) => {
        const service = await start;
        running.push(service);
        return service;
      }),
    );
    const query = JSON.stringify({ query: '{ country(code: "NL") { name alpha3 } }' });

    // The gateway: a public query, in flight when SIGTERM comes.
    const atGateway = await requestInFlight(defaultSubgraphUrl(gatewayPort), {}, query);
    const gatewayExit = exitOf(gateway);
    gateway.child.kill('SIGTERM');
    await eventually(async () => said(gateway, 'draining and stopping'), 10_000, 'the gateway to start draining');
    const answered = await atGateway.send();
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ data: { country: { name: 'Netherlands', alpha3: 'NLD' } } });
    expect(await gatewayExit).toBe(0);
    expect(said(gateway, 'stopped')).toBe(true);

    // The subgraph: the same, called as the gateway would, then its database closed.
    const sign = await createInternalSigner(internal.privateJwk);
    const token = await sign(personas['state-officer'], 'state');
    const atState = await requestInFlight(defaultSubgraphUrl(statePort), { authorization: `Bearer ${token}` }, query);
    const stateExit = exitOf(state);
    state.child.kill('SIGTERM');
    await eventually(async () => said(state, 'draining and stopping'), 10_000, 'the subgraph to start draining');
    const fromState = await atState.send();
    expect(fromState.status).toBe(200);
    expect(fromState.body.data).toEqual({ country: { name: 'Netherlands', alpha3: 'NLD' } });
    expect(await stateExit).toBe(0);
    const order = ['draining and stopping', 'database closed', 'stopped'].map((msg) => state.logs.join('').indexOf(`"msg":"${msg}"`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }, 240_000);
});
