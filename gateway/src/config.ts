import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { envTypes, parseEnv } from '@iag/kit/http';
import { parseAuthSettings, type AuthSettings } from './auth/config';

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name, from `<NAME>_URL`. */
  subgraphUrls: Record<string, string>;
  /** `<NAME>_URL` variables that are not URLs, by name: an error if that subgraph is served. */
  badSubgraphUrls: Record<string, string>;
  production: boolean;
  logLevel: string;
  /** Re-read the supergraph file when it changes (SIGHUP always does). */
  watchSupergraph: boolean;
  /** Per-subgraph fetch timeout. */
  subgraphTimeoutMs: number;
  auth: AuthSettings;
}

const defaultSupergraph = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** Reads the gateway's settings once; every bad variable is named in the error. */
export function parseGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = parseEnv(
    {
      GATEWAY_PORT: envTypes.port(4000),
      GATEWAY_HOST: envTypes.host('127.0.0.1'),
      SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraph),
      NODE_ENV: z.string().default('development'),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      SUPERGRAPH_WATCH: envTypes.flag(true),
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    },
    env,
  );
  // Any `<NAME>_URL` may name a subgraph, but only the supergraph knows which do: a bad value is
  // kept aside and refused once a subgraph of that name is served (BASE_URL=/ from a tool is not).
  const subgraphUrls: Record<string, string> = {};
  const badSubgraphUrls: Record<string, string> = {};
  const urlType = envTypes.url();
  for (const [name, value] of Object.entries(env)) {
    const match = /^([A-Z][A-Z0-9_]*)_URL$/.exec(name);
    if (!match || /_DATABASE$|^AUTH_JWKS$/.test(match[1]) || value === undefined) continue;
    if (urlType.safeParse(value).success) subgraphUrls[match[1].toLowerCase()] = value;
    else badSubgraphUrls[match[1].toLowerCase()] = `${name}: must be a URL (got ${JSON.stringify(value)})`;
  }
  const production = parsed.NODE_ENV === 'production';
  return {
    auth: parseAuthSettings(env, production),
    port: parsed.GATEWAY_PORT,
    host: parsed.GATEWAY_HOST,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphUrls,
    badSubgraphUrls,
    production,
    logLevel: parsed.LOG_LEVEL,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    watchSupergraph: parsed.SUPERGRAPH_WATCH,
  };
}
