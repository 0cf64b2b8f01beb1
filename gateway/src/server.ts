import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createGraphQLHandler, listen, maskError, sendJson, type Listening, type Logger } from '@iag/kit/http';
import type { GatewayConfig } from './config';
import { createIdentity } from './auth/identity';
import { createApolloGateway, type GatewayContext } from './gateway';
import { checkSubgraphs } from './readiness';
import { resolveServiceUrls, servicesOf } from './supergraph';

export interface GatewayServer {
  listen(port: number, host: string): Promise<Listening>;
  close(): Promise<void>;
}

/** Builds the gateway service over the supergraph file named in the config; starts nothing. */
export async function createGatewayServer(config: GatewayConfig, logger: Logger): Promise<GatewayServer> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const services = resolveServiceUrls(servicesOf(supergraphSdl), config.subgraphUrls);
  const identity = await createIdentity(config.auth);
  const gateway = createApolloGateway({
    supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    signInternal: identity.signInternal,
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // The default landing page loads from a CDN, which government networks often cannot reach.
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
    // Our process lifecycle drains and stops on SIGTERM; Apollo's own handler would race it and
    // leave stop() waiting forever.
    stopOnTerminationSignals: false,
    introspection: !config.production,
    formatError: (formatted, error) => {
      const masked = maskError(formatted);
      if (masked !== formatted && masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error, path: formatted.path }, 'masked error');
      }
      return masked;
    },
  });
  await apollo.start();

  const handler = createGraphQLHandler(apollo, {
    logger,
    // Whatever identity headers the client sent, only the verified bearer token counts.
    authenticate: (req) => identity.verifyCaller(req.headers.authorization),
    context: async (_req, requestId, principal) => ({ principal, requestId }),
    routes: {
      '/health': (_req, res) => sendJson(res, 200, { status: 'up' }),
      '/ready': async (_req, res) => {
        const readiness = await checkSubgraphs(services);
        sendJson(res, readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'degraded', ...readiness });
      },
    },
  });

  let listening: Listening | undefined;
  return {
    async listen(port, host) {
      listening = await listen(handler, port, host);
      return listening;
    },
    async close() {
      await listening?.close();
      await apollo.stop();
    },
  };
}
