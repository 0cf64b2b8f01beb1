import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { resolveServiceUrls, servicesOf } from './supergraph';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
}

/** An Apollo Gateway over a static, pre-composed supergraph: composition happened at build time. */
export function createApolloGateway(options: GatewayOptions): ApolloGateway {
  const urls = new Map(
    resolveServiceUrls(servicesOf(options.supergraphSdl), options.subgraphUrls).map((s) => [s.name, s.url]),
  );
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: urls.get(name) ?? url,
        // A subgraph that hangs must fail this request at its own timeout, not the client's.
        fetcher: (input, init) => fetch(input as string, { ...init, signal: AbortSignal.timeout(options.subgraphTimeoutMs) } as RequestInit) as never,
      }),
  });
}
