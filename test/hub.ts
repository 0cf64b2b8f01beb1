// Starts the whole hub in this process for cross-subgraph tests: every registered subgraph on a
// database of its own (PGlite in memory, or a fresh PostgreSQL database with TEST_DATABASE_URL),
// a supergraph composed around their test URLs, and the gateway in front, all on free ports.
// Identity is real: a test identity provider key signs caller tokens, and the gateway signs
// internal tokens with a key the subgraphs trust.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, importJWK, type CryptoKey, type JWTPayload } from 'jose';
import { claimsFromPrincipal, generateKeyPairJwk, type Principal } from '@iag/kit/auth';
import { createLogger, type Logger } from '@iag/kit/http';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { DEV_AUDIENCE, DEV_ISSUER, loadDevIssuerKeys } from '../gateway/src/auth/dev-issuer';
import { parseGatewayConfig } from '../gateway/src/config';
import { createGatewayServer, type GatewayServer } from '../gateway/src/server';
import { composeSupergraph } from '../scripts/lib/compose';
import { subgraphs } from '../scripts/subgraphs';

export const TEST_ISSUER = 'https://idp.test.invalid/';
export const TEST_AUDIENCE = 'interagency-graph-test';
const TEST_KID = 'test-idp-1';

export interface Hub {
  url: string;
  /** The supergraph file the gateway serves (and watches). */
  supergraphPath: string;
  gateway: GatewayServer;
  subgraphs: Record<string, StartedSubgraph<Record<string, unknown>>>;
  /** SQL statements sent by all subgraphs so far. */
  statements(): number;
  /** A caller token from the test identity provider; `claims` override or add to the principal's. */
  tokenFor(principal: Principal, claims?: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  /** The identity provider's private key, for tests that forge on purpose. */
  issuerKey: CryptoKey;
  /** The internal-token key pair the gateway signs with and the subgraphs trust. */
  internalKeys: Awaited<ReturnType<typeof generateKeyPairJwk>>;
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Posts as `principal` (anonymous: no token). */
  as(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * `devIssuer: true` runs the gateway as `pnpm start` does, with the development issuer (keys in the
 * hub's temporary folder, never the checkout's `.data/keys/`) instead of the test identity provider;
 * `tokenFor` then signs with that issuer. With `NODE_ENV: 'production'` in `env`, the test provider's
 * key is configured as AUTH_PUBLIC_KEY, since production accepts a JWKS URL only over https.
 * `dissemination: true` also runs CISA's dispatcher. It is off by default because its polling
 * sends SQL statements of its own, which would blur the per-request statement counts tests assert.
 */
export async function startHub(
  env: Record<string, string> = {},
  options: { dissemination?: boolean; logger?: Logger; devIssuer?: boolean; subgraphLogger?: (name: string) => Logger } = {},
): Promise<Hub> {
  const internalKeys = await generateKeyPairJwk('EdDSA');
  // Partners first: CISA's dissemination dispatcher needs its URL, and Partners must trust the
  // dispatcher's own key.
  const dispatcherKeys = await generateKeyPairJwk('EdDSA');
  const partners = await startTestSubgraph(await subgraphs.find((s) => s.name === 'partners')!.load(), {
    internalKeys,
    logger: options.subgraphLogger?.('partners'),
    // CISA's key, for its dispatcher (deliveries) and its risk assessor (operators' maturity).
    trustedServices: ['service:cisa-dispatcher', 'service:cisa-risk'].map((sub) => ({ sub, publicJwk: dispatcherKeys.publicJwk })),
  });
  // No periodic risk reassessment: tests that want one call `reassessRisk`, and a run at a random
  // moment would move the statement counts and scores they assert.
  const cisaEnv: Record<string, string> = options.dissemination
    ? { PARTNERS_URL: partners.url, DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(dispatcherKeys.privateJwk), RISK_REASSESS_SECONDS: '0' }
    : { RISK_REASSESS_SECONDS: '0' };
  const started = Object.fromEntries([
    ['partners', partners] as const,
    ...(await Promise.all(
      subgraphs
        .filter((s) => s.name !== 'partners')
        .map(
          async (s) =>
            [
              s.name,
              await startTestSubgraph(await s.load(), { internalKeys, env: s.name === 'cisa' ? cisaEnv : {}, logger: options.subgraphLogger?.(s.name) }),
            ] as const,
        ),
    )),
  ]);
  const composed = composeSupergraph(subgraphs.map((s) => ({ name: s.name, url: started[s.name].url, sdl: started[s.name].sdl })));
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'iag-hub-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  // The identity provider publishes its key as a JWKS on loopback, as a real one does over https.
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(issuer.publicKey)), kid: TEST_KID, alg: 'ES256', use: 'sig' }] };
  const idp = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)));
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const testIssuerSettings = {
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    ...(env.NODE_ENV === 'production'
      ? { AUTH_PUBLIC_KEY: await exportSPKI(issuer.publicKey) }
      : { AUTH_JWKS_URL: `http://127.0.0.1:${(idp.address() as AddressInfo).port}/.well-known/jwks.json` }),
    AUTH_ALGORITHMS: 'ES256',
  };
  const config = parseGatewayConfig({
    SUPERGRAPH_PATH: supergraphPath,
    ...(options.devIssuer ? {} : testIssuerSettings),
    INTERNAL_JWT_PRIVATE_KEY: JSON.stringify(internalKeys.privateJwk),
    ...env,
  });
  const devKeysDir = join(dir, 'dev-keys/');
  const gateway = await createGatewayServer(config, options.logger ?? createLogger('gateway', process.env.TEST_LOG_LEVEL ?? 'silent'), {
    devKeysDir,
  });
  const devIssuerKey = options.devIssuer ? (await loadDevIssuerKeys(devKeysDir)).privateJwk : undefined;
  const signer = devIssuerKey
    ? { iss: DEV_ISSUER, aud: DEV_AUDIENCE, kid: devIssuerKey.kid, key: await importJWK(devIssuerKey, 'ES256') }
    : { iss: TEST_ISSUER, aud: TEST_AUDIENCE, kid: TEST_KID, key: issuer.privateKey };
  const listening = await gateway.listen(0, '127.0.0.1');

  const tokenFor: Hub['tokenFor'] = (principal, claims = {}, header = {}) => {
    const now = Math.floor(Date.now() / 1000);
    // Claims given by a test win over the defaults, so a test can forge any one of them.
    const payload = { iss: signer.iss, aud: signer.aud, iat: now, exp: now + 600, ...claimsFromPrincipal(principal), ...claims };
    return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: signer.kid, ...header }).sign(signer.key);
  };

  const post: Hub['post'] = async (query, variables, headers = {}) => {
    const res = await fetch(listening.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  };

  return {
    url: listening.url,
    supergraphPath,
    gateway,
    subgraphs: started,
    issuerKey: issuer.privateKey,
    internalKeys,
    statements: () => Object.values(started).reduce((sum, s) => sum + s.database.stats.statements, 0),
    tokenFor,
    post,
    as: async (principal, query, variables) =>
      principal.kind === 'ANONYMOUS'
        ? post(query, variables)
        : post(query, variables, { authorization: `Bearer ${await tokenFor(principal)}` }),
    async close() {
      await gateway.close();
      idp.close();
      await Promise.all(Object.values(started).map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
