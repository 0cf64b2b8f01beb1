import { Counter, Histogram, type Registry } from '@iag/kit/http';

/** What the gateway measures of its calls to subgraphs. */
export interface SubgraphFetchMetrics {
  /** `subgraph_fetch_duration_seconds{subgraph}`: one sample per fetch of a client's operation. */
  duration: Histogram<'subgraph'>;
  /** `subgraph_fetch_errors_total{subgraph,kind}`: kind is timeout, network, http, graphql or aborted. */
  errors: Counter<'subgraph' | 'kind'>;
}

export function registerSubgraphFetchMetrics(registry: Registry): SubgraphFetchMetrics {
  return {
    duration: new Histogram({
      name: 'subgraph_fetch_duration_seconds',
      help: 'Time of one gateway fetch to a subgraph (request sent to response parsed), by subgraph',
      labelNames: ['subgraph'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'subgraph_fetch_errors_total',
      help: 'Subgraph fetches that failed (timeout, network, http: a non-2xx answer) or answered GraphQL errors (graphql)',
      labelNames: ['subgraph', 'kind'] as const,
      registers: [registry],
    }),
  };
}

/** Why a fetch failed, in a few words fit for a label. */
export function fetchErrorKind(error: unknown): 'timeout' | 'http' | 'network' {
  for (let e: any = error, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || /TIMEOUT/.test(String(e.code ?? ''))) return 'timeout';
    if (typeof e.extensions?.response?.status === 'number' || typeof e.status === 'number') return 'http';
  }
  return 'network';
}
