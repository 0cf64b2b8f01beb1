import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  createGraphQLHandler,
  createServiceMetrics,
  listen,
  maskError,
  operationGuardPlugin,
  principalLogFields,
  requestInfoPlugin,
  sendJson,
  type Listening,
  type Logger,
} from '@iag/kit/http';
import type { GatewayConfig } from './config';
import { createIdentity } from './auth/identity';
import { createApolloGateway, type GatewayContext } from './gateway';
import { createExplorer } from './explorer';
import { createExportRoute, EXPORTS_PREFIX } from './exports';
import { createGraphRunner } from './graph-runner';
import { SubgraphHttp } from './subgraph-http';
import { createTaxiiRoute, TAXII_PREFIX } from './taxii';
import { introspectionForAuthenticatedCallers } from './introspection';
import { formatLimitError, limitOptions, requestSignal, withoutSuggestions, withRequestDeadline } from './limits';
import { registerSubgraphFetchMetrics } from './metrics';
import { checkSubgraphs } from './readiness';
import { checkServiceUrlOverrides, resolveServiceUrls, servicesOf } from './supergraph';
import { SupergraphReloader, type ReloadOutcome } from './supergraph-reloader';

export interface GatewayServer {
  listen(port: number, host: string): Promise<Listening>;
  /** Re-reads the supergraph file now (SIGHUP); an invalid one is rejected and the old one kept. */
  reloadSupergraph(reason: string): Promise<ReloadOutcome>;
  close(): Promise<void>;
}

/** Builds the gateway service over the supergraph file named in the config; starts nothing. */
export async function createGatewayServer(
  config: GatewayConfig,
  logger: Logger,
  /** `devKeysDir`: where the development issuer's keys live (tests use a temporary folder). */
  options: { devKeysDir?: string } = {},
): Promise<GatewayServer> {
  const supergraph = new SupergraphReloader(config.supergraphPath, logger);
  supergraph.addCheck((sdl) => checkServiceUrlOverrides(servicesOf(sdl), config.badSubgraphUrls));
  const services = () => resolveServiceUrls(servicesOf(supergraph.current()), config.subgraphUrls);
  const identity = await createIdentity(config.auth, options.devKeysDir);
  // A registry per server, not prom-client's global one: tests run several gateways in one process.
  const metrics = createServiceMetrics('gateway', { token: config.metricsToken });
  const subgraphHttp = new SubgraphHttp(config.subgraphTimeoutMs);
  const gateway = createApolloGateway({
    http: subgraphHttp,
    supergraph: supergraph.hook,
    subgraphUrls: config.subgraphUrls,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    signInternal: identity.signInternal,
    metrics: registerSubgraphFetchMetrics(metrics.registry),
    logger,
  });

  // Depth, aliases, root fields, directives, tokens, cost; batching off, CSRF prevention on.
  const limits = limitOptions<GatewayContext>(config.limits, config.production);
  const apollo = new ApolloServer<GatewayContext>({
    ...limits,
    gateway,
    // The default landing page loads from a CDN, which government networks often cannot reach.
    // We serve our own explorer instead: see ./explorer.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // On by default: it wraps every field and reads each subgraph's cache-control header, for
      // cache hints nothing here declares or uses.
      ApolloServerPluginCacheControlDisabled(),
      requestInfoPlugin,
      operationGuardPlugin,
      ...limits.plugins,
      ...(config.production ? [introspectionForAuthenticatedCallers()] : []),
    ],
    includeStacktraceInErrorResponses: false,
    // Our process lifecycle drains and stops on SIGTERM; Apollo's own handler would race it and
    // leave stop() waiting forever.
    stopOnTerminationSignals: false,
    // On in both modes: in production the plugin above answers it to authenticated callers only.
    introspection: true,
    formatError: (formatted, error) => {
      // A refusal by the operation limits: our code, and a message that names no number.
      const refused = formatLimitError(formatted, error);
      if (refused) return refused;
      if (config.production) formatted = withoutSuggestions(formatted);
      const masked = maskError(formatted, error);
      if (masked !== formatted && masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error, path: formatted.path }, 'masked error');
      }
      return masked;
    },
  });
  await apollo.start();
  if (config.watchSupergraph) supergraph.watch();

  // Persona tokens only with the development issuer, never in production (belt and braces: production
  // already refuses to start without an external issuer).
  const explorer = createExplorer({ devIssuerPrivateJwk: config.production ? undefined : identity.devIssuerPrivateJwk });
  // TAXII and the export URLs read the graph as their caller: one set of access rules for all doors.
  const runGraph = createGraphRunner(apollo);
  const authenticate = (req: { headers: { authorization?: string } }) => identity.verifyCaller(req.headers.authorization);
  const graphqlHandler = createGraphQLHandler(apollo, {
    logger,
    maxBodyBytes: config.maxBodyBytes,
    landing: explorer.landing,
    // Whatever identity headers the client sent, only the verified bearer token counts.
    authenticate,
    context: async (req, requestId, principal, request) => ({ principal, requestId, trace: request.trace, signal: requestSignal(req) }),
    metrics,
    describeCaller: principalLogFields,
    routes: {
      ...explorer.routes,
      // Counts and latencies only, no data; still, production should keep it off public networks.
      '/metrics': metrics.route,
      '/health': (_req, res) => sendJson(res, 200, { status: 'up' }),
      '/ready': async (_req, res) => {
        const readiness = await checkSubgraphs(services());
        sendJson(res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'degraded', ...readiness });
      },
    },
    prefixRoutes: {
      [TAXII_PREFIX]: createTaxiiRoute({ runGraph, authenticate, publicOrigin: config.publicOrigin, maxBodyBytes: config.maxBodyBytes }),
      [EXPORTS_PREFIX]: createExportRoute({ runGraph, authenticate }),
    },
  });

  const handler = withRequestDeadline(graphqlHandler, config.requestTimeoutMs);

  let listening: Listening | undefined;
  return {
    async listen(port, host) {
      listening = await listen(handler, port, host);
      return listening;
    },
    reloadSupergraph: (reason) => supergraph.reload(reason),
    async close() {
      supergraph.stop();
      await listening?.close();
      await apollo.stop();
      await subgraphHttp.close();
    },
  };
}
