import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  type SupergraphSdlHook,
} from '@apollo/gateway';
import type { Principal } from '@iag/kit/auth';

/** What the gateway knows about a request: the verified caller, and an id to trace it by. */
export interface GatewayContext {
  principal: Principal;
  requestId: string;
}

export interface GatewayOptions {
  /** Supplies the supergraph and later updates to it (see SupergraphReloader). */
  supergraph: SupergraphSdlHook;
  /** `<NAME>_URL` overrides, applied to every supergraph loaded, first or reloaded. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** Signs the internal token a subgraph requires, for this principal and that subgraph only. */
  signInternal: (principal: Principal, subgraph: string) => Promise<string>;
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
    super({
      url,
      // A subgraph that hangs must fail this request at its own timeout, not the client's.
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(options.subgraphTimeoutMs) })) as never,
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http!.headers;
    // The gateway's own health checks and schema loading run without a request context.
    if (!('principal' in context) || !context.principal) return;
    headers.set('authorization', `Bearer ${await this.options.signInternal(context.principal, this.subgraph)}`);
    headers.set('x-request-id', context.requestId);
  }
}

/** An Apollo Gateway over a pre-composed supergraph: composition happened at build time. */
export function createApolloGateway(options: GatewayOptions): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: options.supergraph,
    buildService: ({ name, url }) => new SubgraphSource(name, options.subgraphUrls[name] ?? url ?? '', options),
  });
}
