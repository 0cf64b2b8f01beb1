import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Database, Db } from './db/database';
import { createContext, type SubgraphContext } from './context';
import { isRequestError, maskError, operationGuardPlugin } from './http/format-error';
import { createGraphQLHandler, principalLogFields, requestInfoPlugin, sendJson } from './http/graphql-handler';
import { createServiceMetrics, type Registry } from './http/metrics';
import { registerDatabaseMetrics } from './db/database.metrics';
import { listen, type Listening } from './http/listen';
import type { Logger } from './logger';
import type { SubgraphSchema } from './schema/build';
import { isPublicCode } from './errors';
import { databaseUnavailableError, isDatabaseUnavailable } from './db/unavailable';
import { expandFieldErrors } from './mutation/expand-errors';
import { createInternalVerifier, type TrustedService } from './auth/internal-token';
import type { JWK } from 'jose';
import { purgeExpiredIdempotencyKeys } from './mutation/run';
import type { ApolloServerPlugin } from '@apollo/server';

const PURGE_EVERY_MS = 3_600_000;

/** Writes the request's audit records of AMBER/RED reads before the response leaves. */
const auditFlushPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await contextValue.audit.flush();
      },
    };
  },
};

export interface SubgraphServerOptions<S extends Record<string, unknown>> {
  name: string;
  schema: SubgraphSchema;
  database: Database<S>;
  logger: Logger;
  /** The gateway's public key: the only signer whose internal tokens this subgraph accepts. */
  internalPublicJwk: JWK;
  /** Services other than the gateway that may call this subgraph, each only as itself. */
  trustedServices?: TrustedService[];
  /** Adds the subgraph's own metrics (e.g. CISA's dissemination backlog) to its registry. */
  registerMetrics?: (registry: Registry) => void;
  /** When set, `/metrics` answers only this bearer token. */
  metricsToken?: string;
}

export interface SubgraphServer {
  name: string;
  sdl: string;
  listen(port: number, host: string): Promise<Listening>;
  /** Drains HTTP, stops Apollo, closes the database: the order matters for in-flight requests. */
  close(): Promise<void>;
}

/** Builds (does not start) one subgraph's HTTP service around its schema and database. */
export async function createSubgraphServer<S extends Record<string, unknown>>(
  options: SubgraphServerOptions<S>,
): Promise<SubgraphServer> {
  const { logger, database } = options;
  const metrics = createServiceMetrics(options.name, { token: options.metricsToken });
  registerDatabaseMetrics(metrics.registry, database as never);
  options.registerMetrics?.(metrics.registry);
  const apollo = new ApolloServer<SubgraphContext<S>>({
    schema: options.schema.schema,
    // Inline traces (ftv1) would tell any caller how long each resolver ran; nobody reads them here.
    // Cache control is on by default and wraps every field's resolver to collect cache hints that
    // no type here declares: off (bench/README.md has the before and after).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      auditFlushPlugin,
      expandFieldErrors as never,
      requestInfoPlugin,
      operationGuardPlugin,
    ],
    includeStacktraceInErrorResponses: false,
    // Our process lifecycle drains and stops on SIGTERM; Apollo's own handler would race it and
    // leave stop() waiting forever.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      if (!isPublicCode(formatted.extensions?.code) && !isRequestError(error)) {
        const original = unwrapResolverError(error);
        // The database being down is an outage, not a bug: coded for the client, warned in the log.
        if (isDatabaseUnavailable(original)) {
          logger.warn({ err: original, path: formatted.path }, 'database unavailable');
          return databaseUnavailableError(options.name, formatted);
        }
        logger.error({ err: original, path: formatted.path }, 'unexpected error');
      }
      return maskError(formatted, error);
    },
  });
  await apollo.start();

  const verifyInternalToken = await createInternalVerifier(options.internalPublicJwk, options.name, options.trustedServices);
  const handler = createGraphQLHandler(apollo, {
    logger,
    metrics,
    // The caller is the gateway's principal for the request (or a trusted service).
    describeCaller: principalLogFields,
    // Nothing but the gateway gets an answer, _service and _entities included: the token it signs
    // per request is also the only source of the caller's identity.
    authenticate: (req) => verifyInternalToken(req.headers.authorization),
    context: async (_req, requestId, principal) => createContext(database.db, principal, requestId),
    routes: {
      '/metrics': metrics.route,
      '/health': (_req, res) => sendJson(res, 200, { status: 'up', service: options.name }),
      '/ready': async (_req, res) => {
        try {
          await database.ping();
          sendJson(res, 200, { status: 'ready', service: options.name });
        } catch {
          sendJson(res, 503, { status: 'unavailable', service: options.name, reason: 'database' });
        }
      },
    },
  });

  let listening: Listening | undefined;
  // Expired idempotency keys go once an hour (never at start: tests count statements from there).
  let purge: NodeJS.Timeout | undefined;
  const purgeKeys = () =>
    purgeExpiredIdempotencyKeys(database.db as Db<Record<string, unknown>>).then(
      (count) => count && logger.info({ count }, 'expired idempotency keys purged'),
      (err) => logger.warn({ err }, 'purging expired idempotency keys failed'),
    );
  return {
    name: options.name,
    sdl: options.schema.sdl,
    async listen(port, host) {
      listening = await listen(handler, port, host);
      purge = setInterval(purgeKeys, PURGE_EVERY_MS).unref();
      return listening;
    },
    async close() {
      clearInterval(purge);
      await listening?.close();
      logger.debug('http drained');
      await apollo.stop();
      logger.debug('graphql stopped');
      await database.close();
      // At info: the last line of a clean shutdown, which operators (and tests) look for.
      logger.info('database closed');
    },
  };
}
