import { z } from 'zod';
import type { JWK } from 'jose';
import type { TrustedService } from './auth/internal-token';
import { ConfigError, envTypes, parseEnv } from './env';

export interface SubgraphConfig {
  name: string;
  port: number;
  host: string;
  /** PostgreSQL URL; PGlite under `dataDir` when absent. */
  databaseUrl?: string;
  dataDir: string;
  /** From `DATABASE_CONNECT_TIMEOUT_MS`: how long a PostgreSQL connection attempt may take. */
  databaseConnectTimeoutMs: number;
  /** Load the invented demo data set on start (reference data is always loaded). */
  seedDemo: boolean;
  logLevel: string;
  /** From `METRICS_TOKEN`: when set, `/metrics` answers only this bearer token. */
  metricsToken?: string;
  production: boolean;
  /** The gateway's public key (JWK); in development, taken from `.data/keys/` when not set. */
  internalPublicJwk?: JWK;
  /** From TRUSTED_SERVICES: `[{ "sub": "...", "publicJwk": {...} }]`, services that may call directly. */
  trustedServices: TrustedService[];
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
      DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      NODE_ENV: z.string().default('development'),
      INTERNAL_JWT_PUBLIC_KEY: z.string().min(1).optional(),
      TRUSTED_SERVICES: z.string().min(1).optional(),
      METRICS_TOKEN: z.string().min(16).optional(),
    },
    env,
  ) as Record<string, unknown>;
  const production = parsed.NODE_ENV === 'production';
  let internalPublicJwk: JWK | undefined;
  if (parsed.INTERNAL_JWT_PUBLIC_KEY) {
    try {
      internalPublicJwk = JSON.parse(parsed.INTERNAL_JWT_PUBLIC_KEY as string) as JWK;
    } catch {
      throw new ConfigError('Invalid configuration:\n  INTERNAL_JWT_PUBLIC_KEY: must be the gateway public key as a JWK (JSON)');
    }
    if (internalPublicJwk.d) {
      throw new ConfigError('Invalid configuration:\n  INTERNAL_JWT_PUBLIC_KEY: this is a private key; give the subgraph only the public half');
    }
  } else if (production) {
    throw new ConfigError('Invalid configuration:\n  INTERNAL_JWT_PUBLIC_KEY: required in production (the gateway public key as a JWK)');
  }
  let trustedServices: TrustedService[] = [];
  if (parsed.TRUSTED_SERVICES) {
    try {
      trustedServices = JSON.parse(parsed.TRUSTED_SERVICES as string) as TrustedService[];
      if (!Array.isArray(trustedServices) || trustedServices.some((s) => !s.sub || !s.publicJwk || s.publicJwk.d)) throw new Error();
    } catch {
      throw new ConfigError('Invalid configuration:\n  TRUSTED_SERVICES: must be a JSON array of { "sub", "publicJwk" } with public keys only');
    }
  }
  return {
    trustedServices,
    name,
    port: parsed[`${p}_PORT`] as number,
    host: parsed[`${p}_HOST`] as string,
    databaseUrl: parsed[`${p}_DATABASE_URL`] as string | undefined,
    dataDir: parsed[`${p}_DATA_DIR`] as string,
    databaseConnectTimeoutMs: parsed.DATABASE_CONNECT_TIMEOUT_MS as number,
    seedDemo: parsed.SEED_DEMO as boolean,
    logLevel: parsed.LOG_LEVEL as string,
    metricsToken: parsed.METRICS_TOKEN as string | undefined,
    production,
    internalPublicJwk,
  };
}
