import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { envTypes, parseEnv } from '@iag/kit/http';
import { parseAuthSettings, type AuthSettings } from './auth/config';
import type { OperationLimits } from './limits';

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
  /** From `METRICS_TOKEN`: when set, `/metrics` answers only this bearer token. */
  metricsToken?: string;
  /** What one operation may ask (docs/limits.md). */
  limits: OperationLimits;
  /** Larger request bodies are refused with 413 before they are parsed. */
  maxBodyBytes: number;
  /** The deadline for a whole request, from its first byte to its answer (504 past it). */
  requestTimeoutMs: number;
  /** From `PUBLIC_ORIGIN`: where clients reach the gateway, for absolute URLs (TAXII discovery). */
  publicOrigin?: string;
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
      METRICS_TOKEN: z.string().min(16).optional(),
      // Operation limits (docs/limits.md). Each default admits every query of docs/queries.md and
      // the README's country brief with room to spare; the measured values are in the comments.
      // Depth: the deepest of them is 7 levels (the country brief's deliveries { recipient { name } }).
      LIMIT_DEPTH: z.coerce.number().int().min(1).max(100).default(10),
      // Aliases: they use 2 at most; 15 lets a client compare a dozen countries side by side.
      LIMIT_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
      // Root fields (each one a fetch of its own): they use 2 at most.
      LIMIT_ROOT_FIELDS: z.coerce.number().int().min(1).max(1000).default(10),
      // Directives: they use none; 8 leaves room for @include/@skip on the optional parts of a
      // screen, and refuses graphql-cop's directive overloading probe (ten on one field).
      LIMIT_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(8),
      // Tokens: the largest uses 108, the explorer's introspection query 183.
      LIMIT_TOKENS: z.coerce.number().int().min(10).max(1_000_000).default(1000),
      // Cost (the model of limits/cost.ts): the dearest is "KEV by sector" at 34,021 (every sector x
      // 100 products x their CVEs), the country brief 626, the others under 3,000. 60,000 keeps a
      // margin over the dearest; it admits two nested pages of 100 with a few fields
      // (10,000 rows, about 30,000) and refuses three.
      LIMIT_COST: z.coerce.number().int().min(1).max(100_000_000).default(60_000),
      // Bodies: the largest query of the docs is under 1 kB; mutations carry indicator lists.
      MAX_BODY_BYTES: z.coerce.number().int().min(256).max(100_000_000).default(262_144),
      // Longer than SUBGRAPH_TIMEOUT_MS, so a slow subgraph is reported as such within a request
      // that still answers; this deadline catches what adds up (several fetches, a slow client).
      REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
      // Behind a proxy that terminates TLS the request's Host says too little (http, internal name).
      PUBLIC_ORIGIN: envTypes.url().transform((value) => (value ? new URL(value).origin : undefined)),
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
    metricsToken: parsed.METRICS_TOKEN,
    limits: {
      depth: parsed.LIMIT_DEPTH,
      aliases: parsed.LIMIT_ALIASES,
      rootFields: parsed.LIMIT_ROOT_FIELDS,
      directives: parsed.LIMIT_DIRECTIVES,
      tokens: parsed.LIMIT_TOKENS,
      cost: parsed.LIMIT_COST,
    },
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    requestTimeoutMs: parsed.REQUEST_TIMEOUT_MS,
    watchSupergraph: parsed.SUPERGRAPH_WATCH,
    publicOrigin: parsed.PUBLIC_ORIGIN,
  };
}
