import type { JWK } from 'jose';
import { INTERNAL_ALGORITHM, type TrustedService } from './auth/internal-token';
import { loadOrCreateKeyFile } from './auth/keys';
import { parseSubgraphConfig } from './config';
import { DEV_INTERNAL_KEY_FILE } from './paths';
import { openDatabase, type Database } from './db/database';
import { runProcess } from './http/lifecycle';
import { createLogger, type Logger } from './logger';
import type { SubgraphSchema } from './schema/build';
import type { SubgraphServer } from './subgraph';

/** What a subgraph's `createServer` factory is given. */
export interface SubgraphDeps<S extends Record<string, unknown>> {
  database: Database<S>;
  logger: Logger;
  internalPublicJwk: JWK;
  trustedServices?: TrustedService[];
  /** When set, `/metrics` answers only this bearer token (`METRICS_TOKEN`). */
  metricsToken?: string;
  /** The subgraph's own settings, for what only it reads (e.g. CISA's dispatcher). */
  env?: Record<string, string | undefined>;
}

export interface SubgraphMain<S extends Record<string, unknown>> {
  name: string;
  defaultPort: number;
  schema: S;
  migrationsFolder: string;
  /** The schema alone, without a database: what `pnpm compose` prints. */
  buildSchema: () => Promise<SubgraphSchema>;
  seed: (database: Database<S>, options: { demo: boolean }) => Promise<unknown>;
  createServer: (deps: SubgraphDeps<S>) => Promise<SubgraphServer>;
}

/**
 * What every subgraph's `index.ts` does: read the environment once, open and migrate the
 * database, seed it, listen, and shut down cleanly on SIGINT/SIGTERM. Exits 1 on a fatal error.
 */
export async function runSubgraph<S extends Record<string, unknown>>(
  main: SubgraphMain<S>,
  env: Record<string, string | undefined>,
): Promise<void> {
  let logger = createLogger(main.name);
  await runProcess(
    () => logger,
    async () => {
      const config = parseSubgraphConfig(main.name, main.defaultPort, env);
      logger = createLogger(main.name, config.logLevel);
      const database = await openDatabase({
        schema: main.schema,
        url: config.databaseUrl,
        dataDir: config.dataDir,
        connectTimeoutMs: config.databaseConnectTimeoutMs,
      });
      await database.migrate(main.migrationsFolder);
      const seeded = await main.seed(database, { demo: config.seedDemo });
      logger.info({ driver: database.driver, seeded }, 'database ready');
      const internalPublicJwk =
        config.internalPublicJwk ?? (await loadOrCreateKeyFile(DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM)).publicJwk;
      const server = await main.createServer({ database, logger, internalPublicJwk, trustedServices: config.trustedServices, metricsToken: config.metricsToken, env });
      const listening = await server.listen(config.port, config.host);
      logger.info({ url: listening.url }, `${main.name} subgraph listening`);
      return server;
    },
  );
}
