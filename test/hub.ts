// Starts the whole hub in this process for cross-subgraph tests: every registered subgraph on a
// database of its own (PGlite in memory, or a fresh PostgreSQL database with TEST_DATABASE_URL),
// a supergraph composed around their test URLs, and the gateway in front, all on free ports.
// Identity is real: a test identity provider key signs caller tokens, and the gateway signs
// internal tokens with a key the subgraphs trust.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportSPKI, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { claimsFromPrincipal, generateKeyPairJwk, type Principal } from '@iag/kit/auth';
import { createLogger } from '@iag/kit/http';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { parseGatewayConfig } from '../gateway/src/config';
import { createGatewayServer } from '../gateway/src/server';
import { composeSupergraph } from '../scripts/lib/compose';
import { subgraphs } from '../scripts/subgraphs';

export const TEST_ISSUER = 'https://idp.test.invalid/';
export const TEST_AUDIENCE = 'interagency-graph-test';

export interface Hub {
  url: string;
  subgraphs: Record<string, StartedSubgraph<Record<string, unknown>>>;
  /** SQL statements sent by all subgraphs so far. */
  statements(): number;
  /** A caller token from the test identity provider; `claims` override or add to the principal's. */
  tokenFor(principal: Principal, claims?: JWTPayload, header?: Record<string, unknown>): Promise<string>;
  /** The identity provider's private key, for tests that forge on purpose. */
  issuerKey: CryptoKey;
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Posts as `principal` (anonymous: no token). */
  as(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startHub(env: Record<string, string> = {}): Promise<Hub> {
  const internalKeys = await generateKeyPairJwk('EdDSA');
  const started = Object.fromEntries(
    await Promise.all(
      subgraphs.map(async (s) => [s.name, await startTestSubgraph(await s.load(), { internalKeys })] as const),
    ),
  );
  const composed = composeSupergraph(subgraphs.map((s) => ({ name: s.name, url: started[s.name].url, sdl: started[s.name].sdl })));
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'iag-hub-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const issuer = await generateKeyPair('ES256', { extractable: true });
  const config = parseGatewayConfig({
    SUPERGRAPH_PATH: supergraphPath,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_PUBLIC_KEY: await exportSPKI(issuer.publicKey),
    AUTH_ALGORITHMS: 'ES256',
    INTERNAL_JWT_PRIVATE_KEY: JSON.stringify(internalKeys.privateJwk),
    ...env,
  });
  const gateway = await createGatewayServer(config, createLogger('gateway', process.env.TEST_LOG_LEVEL ?? 'silent'));
  const listening = await gateway.listen(0, '127.0.0.1');

  const tokenFor: Hub['tokenFor'] = (principal, claims = {}, header = {}) =>
    new SignJWT({ ...claimsFromPrincipal(principal), ...claims })
      .setProtectedHeader({ alg: 'ES256', ...header })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(issuer.privateKey);

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
    subgraphs: started,
    issuerKey: issuer.privateKey,
    statements: () => Object.values(started).reduce((sum, s) => sum + s.database.stats.statements, 0),
    tokenFor,
    post,
    as: async (principal, query, variables) =>
      principal.kind === 'ANONYMOUS'
        ? post(query, variables)
        : post(query, variables, { authorization: `Bearer ${await tokenFor(principal)}` }),
    async close() {
      await gateway.close();
      await Promise.all(Object.values(started).map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
