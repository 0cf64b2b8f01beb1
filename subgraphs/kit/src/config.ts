import { z } from 'zod';
import { envTypes, parseEnv } from './env';

export interface SubgraphConfig {
  name: string;
  port: number;
  host: string;
  /** PostgreSQL URL; PGlite under `dataDir` when absent. */
  databaseUrl?: string;
  dataDir: string;
  /** Load the invented demo data set on start (reference data is always loaded). */
  seedDemo: boolean;
  logLevel: string;
}

/**
 * Reads one subgraph's settings, all prefixed with its upper-case name (`CISA_PORT`,
 * `CISA_DATABASE_URL`...), so that four subgraphs can share one environment.
 */
export function parseSubgraphConfig(
  name: string,
  defaultPort: number,
  env: Record<string, string | undefined>,
): SubgraphConfig {
  const p = name.toUpperCase();
  const parsed = parseEnv(
    {
      [`${p}_PORT`]: envTypes.port(defaultPort),
      // Loopback by default: a subgraph is reached through the gateway, not from the network.
      [`${p}_HOST`]: envTypes.host('127.0.0.1'),
      [`${p}_DATABASE_URL`]: envTypes.url(),
      [`${p}_DATA_DIR`]: z.string().min(1).default(`.data/${name}`),
      SEED_DEMO: envTypes.flag(true),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    },
    env,
  ) as Record<string, unknown>;
  return {
    name,
    port: parsed[`${p}_PORT`] as number,
    host: parsed[`${p}_HOST`] as string,
    databaseUrl: parsed[`${p}_DATABASE_URL`] as string | undefined,
    dataDir: parsed[`${p}_DATA_DIR`] as string,
    seedDemo: parsed.SEED_DEMO as boolean,
    logLevel: parsed.LOG_LEVEL as string,
  };
}
