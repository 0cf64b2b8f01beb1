import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './gateway';

export interface GraphResult<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs one operation on the composed graph as a given caller, in process. */
export type RunGraph = <T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  context: GatewayContext,
) => Promise<GraphResult<T>>;

/**
 * The graph as the other front doors (TAXII, export URLs) use it: the same plan, limits, error
 * masking and subgraph fetches with the caller's principal as a GraphQL request from that caller,
 * so they can never show more than the graph would.
 */
export function createGraphRunner(apollo: ApolloServer<GatewayContext>): RunGraph {
  return async (query, variables, contextValue) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('The graph answered an export query incrementally');
    return response.body.singleResult as GraphResult<never>;
  };
}
