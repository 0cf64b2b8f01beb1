import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../db/database';
import { createLogger, type Logger } from '../logger';
import type { SubgraphMain } from '../main';
import { createInternalSigner, type TrustedService } from '../auth/internal-token';
import { generateKeyPairJwk, type KeyPairJwk } from '../auth/keys';
import type { Principal } from '../principal';
import { readTemplate, templatePath, writeTemplate } from './templates';

export { sampleValue } from './metrics';

export interface TestDatabase {
  /** A URL to a fresh PostgreSQL database, or undefined for in-memory PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a new PostgreSQL database on the server named by
 * `TEST_DATABASE_URL` (dropped after), or in-memory PGlite when that is not set.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `iag_test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/** Posts a GraphQL operation and returns the parsed body and status. */
export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: any; errors?: any } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any } };
}

/**
 * Who subgraph tests call as unless they say otherwise: the CISA analyst who wrote the demo
 * products, with every scope, so that tests of data (not of access) see all of it.
 */
export const TEST_PRINCIPAL: Principal = {
  kind: 'US_GOVERNMENT',
  sub: 'cisa:analyst-1',
  agency: 'CISA',
  scopes: [
    'dependencies:read',
    'maturity:read',
    'deliveries:read',
    'audit:read',
    'engagements:write',
    'organizations:write',
    'agreements:write',
    'threat-products:write',
    'threat-products:publish',
    'maturity:write',
    'kev:import',
  ],
};

export interface StartedSubgraph<S extends Record<string, unknown>> {
  url: string;
  /** Posts an operation with an internal token for `principal`, as the gateway would. */
  post(query: string, variables?: Record<string, unknown>, principal?: Principal): ReturnType<typeof postGraphQL>;
  /**
   * Posts an operation (as `post` does) that must answer without errors, and counts the SQL
   * statements it cost: what the batching tests assert. Throws with the errors otherwise.
   */
  measured(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<{ data: any; statements: number }>;
  /** An internal token for `principal`, signed with the key this subgraph trusts. */
  tokenFor(principal: Principal): Promise<string>;
  /** The subgraph's SDL, for composing a supergraph around test URLs. */
  sdl: string;
  database: Database<S>;
  close(): Promise<void>;
}

/**
 * Starts a subgraph the way its entry does, on a database of its own (PGlite in memory, or a new
 * PostgreSQL database when TEST_DATABASE_URL is set) and a free port; `close` drops it all.
 */
export async function startTestSubgraph<S extends Record<string, unknown>>(
  main: Pick<SubgraphMain<S>, 'name' | 'schema' | 'migrationsFolder' | 'seed' | 'createServer'>,
  options: {
    demo?: boolean;
    internalKeys?: KeyPairJwk;
    trustedServices?: TrustedService[];
    env?: Record<string, string>;
    /** Where the subgraph logs (e.g. `createLogger(name, 'info', stream)` to read its lines); silent by default. */
    logger?: Logger;
    /** A given port (a subgraph restarted where the gateway expects it); a free one by default. */
    port?: number;
    /** Rewrites the PostgreSQL URL the subgraph serves from (e.g. through a proxy a test can cut). */
    databaseUrl?: (url: string) => string;
    connectTimeoutMs?: number;
  } = {},
): Promise<StartedSubgraph<S>> {
  const testDb = await createTestDatabase(main.name);
  const url = testDb.url && options.databaseUrl ? options.databaseUrl(testDb.url) : testDb.url;
  const demo = options.demo ?? true;
  // PGlite: start from this run's seeded copy of the subgraph's database when there is one.
  const template = url ? undefined : templatePath(`${main.name}-${demo ? 'demo' : 'reference'}`);
  const seeded = readTemplate(template);
  const database = await openDatabase({ schema: main.schema, url, poolSize: 4, connectTimeoutMs: options.connectTimeoutMs, template: seeded });
  if (!seeded) {
    await database.migrate(main.migrationsFolder);
    await main.seed(database, { demo });
    if (template && database.dumpTemplate) await writeTemplate(template, await database.dumpTemplate());
  }
  const keys = options.internalKeys ?? (await generateKeyPairJwk('EdDSA'));
  const sign = await createInternalSigner(keys.privateJwk);
  const logger = options.logger ?? createLogger(main.name, process.env.TEST_LOG_LEVEL ?? 'silent');
  const server = await main.createServer({
    database,
    logger,
    internalPublicJwk: keys.publicJwk,
    trustedServices: options.trustedServices,
    env: options.env,
  });
  const listening = await server.listen(options.port ?? 0, '127.0.0.1');
  const tokenFor = (principal: Principal) => sign(principal, main.name);
  const post = async (query: string, variables?: Record<string, unknown>, principal: Principal = TEST_PRINCIPAL) =>
    postGraphQL(listening.url, query, variables, { authorization: `Bearer ${await tokenFor(principal)}` });
  return {
    url: listening.url,
    tokenFor,
    post,
    measured: async (query, variables, principal) => {
      const before = database.stats.statements;
      const { body } = await post(query, variables, principal);
      if (body.errors) throw new Error(`expected no errors, got ${JSON.stringify(body.errors)}`);
      return { data: body.data, statements: database.stats.statements - before };
    },
    sdl: server.sdl,
    database,
    close: async () => {
      await server.close();
      await testDb.drop();
    },
  };
}
