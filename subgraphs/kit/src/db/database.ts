import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export type Db<S extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, S>;

export interface DatabaseOptions<S extends Record<string, unknown>> {
  /** drizzle schema (tables and relations) of the subgraph. */
  schema: S;
  /** A PostgreSQL URL; when set, postgres.js is used and `dataDir` is ignored. */
  url?: string;
  /** PGlite data folder; in memory when absent. */
  dataDir?: string;
  /** An in-memory PGlite starts from this dump (`dumpTemplate`) instead of an empty cluster. */
  template?: Blob;
  /** Connections in the postgres.js pool. */
  poolSize?: number;
  /**
   * How long postgres.js waits for a new connection before failing the query (default 5 s, not
   * its own 30): a request on an unreachable database fails with SERVICE_UNAVAILABLE well within
   * the gateway's subgraph timeout instead of hanging until it.
   */
  connectTimeoutMs?: number;
}

export interface Database<S extends Record<string, unknown>> {
  readonly db: Db<S>;
  readonly driver: 'pglite' | 'postgres';
  /** Statements sent since start; tests and benchmarks read it to prove batching. */
  readonly stats: { statements: number };
  /**
   * Connections the pool may open (1 for PGlite). postgres.js keeps how many are open or busy
   * to itself, so the configured maximum is what can be reported.
   */
  readonly pool: { max: number };
  migrate(migrationsFolder: string): Promise<void>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  /** PGlite only: the whole cluster as a tarball, for `template` (tests start from a seeded copy). */
  dumpTemplate?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Opens the subgraph's database: PGlite (folder or memory) by default, PostgreSQL when a URL is given. */
export async function openDatabase<S extends Record<string, unknown>>(
  options: DatabaseOptions<S>,
): Promise<Database<S>> {
  const stats = { statements: 0 };
  const logger: Logger = { logQuery: () => void stats.statements++ };

  if (options.url) {
    const max = options.poolSize ?? 10;
    const client = postgres(options.url, {
      max,
      onnotice: () => {},
      // Without this, postgres.js keeps idle sockets that hold the process open at shutdown.
      idle_timeout: 30,
      connect_timeout: (options.connectTimeoutMs ?? 5_000) / 1000,
      connection: { application_name: 'interagency-graph' },
    });
    const db = drizzlePostgres({ client, schema: options.schema, logger }) as unknown as Db<S>;
    return {
      db,
      driver: 'postgres',
      stats,
      pool: { max },
      migrate: (folder) => migratePostgres(db as never, { migrationsFolder: folder }),
      ping: async () => void (await client`select 1`),
      close: () => client.end({ timeout: 5 }),
    };
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir
    ? new PGlite(options.dataDir)
    : new PGlite(options.template ? { loadDataDir: options.template } : {});
  await client.waitReady;
  const db = drizzlePglite({ client, schema: options.schema, logger }) as unknown as Db<S>;
  return {
    db,
    driver: 'pglite',
    stats,
    pool: { max: 1 },
    migrate: (folder) => migratePglite(db as never, { migrationsFolder: folder }),
    ping: async () => void (await client.query('select 1')),
    dumpTemplate: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}
