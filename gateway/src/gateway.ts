import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  type SupergraphSdlHook,
} from '@apollo/gateway';
import type { Principal } from '@iag/kit/auth';
import { outgoingTraceHeaders, type Logger, type TraceContext } from '@iag/kit/http';
import { fetchErrorKind, type SubgraphFetchMetrics } from './metrics';
import { SIGNAL_HEADER, SubgraphHttp } from './subgraph-http';
import { SubgraphFetchError, withUnavailableErrors } from './subgraph-errors';

/** What the gateway knows about a request: the verified caller, and an id to trace it by. */
export interface GatewayContext {
  principal: Principal;
  requestId: string;
  /** The client's trace (or a new one); each subgraph fetch is a new span of it. */
  trace: TraceContext;
  /** Aborted at the request's deadline or when its client goes away: cancels its fetches. */
  signal?: AbortSignal;
}

export interface GatewayOptions {
  /** Supplies the supergraph and later updates to it (see SupergraphReloader). */
  supergraph: SupergraphSdlHook;
  /** `<NAME>_URL` overrides, applied to every supergraph loaded, first or reloaded. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** Signs the internal token a subgraph requires, for this principal and that subgraph only. */
  signInternal: (principal: Principal, subgraph: string) => Promise<string>;
  /** Latency and failures of subgraph fetches, by subgraph. */
  metrics?: SubgraphFetchMetrics;
  /** Where a subgraph that could not be reached is logged (warn, with the request id). */
  logger?: Logger;
  /** The keep-alive connections to the subgraphs (closed by the caller with the gateway). */
  http: SubgraphHttp;
}

/**
 * Sends only what the gateway vouches for: no client header is forwarded (so a client cannot
 * spoof identity headers), and each request carries a fresh internal token for its subgraph.
 */
class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly options: GatewayOptions,
  ) {
    super({ url, fetcher: options.http.fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http!.headers;
    // The gateway's own health checks and schema loading run without a request context.
    if (!('principal' in context) || !context.principal) return;
    headers.set('authorization', `Bearer ${await this.options.signInternal(context.principal, this.subgraph)}`);
    headers.set('x-request-id', context.requestId);
    for (const [name, value] of Object.entries(outgoingTraceHeaders(context.trace))) headers.set(name, value);
    // Cancelled with its client request (deadline passed, client gone): see requestSignal.
    if (context.signal) headers.set(SIGNAL_HEADER, this.options.http.signalKey(context.signal));
  }

  // Timed around the whole fetch (signing, sending, parsing): what a client's operation waits for.
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const signal = 'signal' in options.context ? options.context.signal : undefined;
    const metrics = this.options.metrics;
    // Health checks and schema loading are not fetches of a client's operation (the enum of kinds
    // is not exported, so its value is compared).
    if (!metrics || options.kind !== ('incoming operation' as typeof options.kind)) return super.process(options);
    const end = metrics.duration.startTimer({ subgraph: this.subgraph });
    try {
      const response = await super.process(options);
      if (response.errors?.length) metrics.errors.inc({ subgraph: this.subgraph, kind: 'graphql' });
      return response;
    } catch (error) {
      // Cancelled by us, not failed by the subgraph: counted apart, so alerts on failures stay true.
      metrics.errors.inc({ subgraph: this.subgraph, kind: signal?.aborted ? 'aborted' : fetchErrorKind(error) });
      throw error;
    } finally {
      end();
    }
  }

  // Called only when the fetch itself failed (refused, reset, timed out, non-2xx, not JSON): tagged
  // so that withUnavailableErrors masks exactly these, and a gateway bug stays an internal error.
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    throw new SubgraphFetchError(this.subgraph, error, response?.status);
  }
}

/** An Apollo Gateway over a pre-composed supergraph: composition happened at build time. */
export function createApolloGateway(options: GatewayOptions): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: options.supergraph,
    buildService: ({ name, url }) =>
      withUnavailableErrors(new SubgraphSource(name, options.subgraphUrls[name] ?? url ?? '', options), name, options.logger),
  });
}
