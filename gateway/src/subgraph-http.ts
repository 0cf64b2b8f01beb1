import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request } from 'undici';

/**
 * Apollo's data source calls the fetcher with method, headers and body only. The signal of the
 * client request a fetch belongs to comes along as a key in this header, which the fetcher takes
 * out before sending. (AsyncLocalStorage would carry it too, but on Node 20 enabling it slows
 * every promise of the process, which a gateway is made of: 2.5x in a promise-bound loop.)
 */
export const SIGNAL_HEADER = 'x-iag-fetch-signal';

// Apollo's fetcher types, as its data source declares them (their package is not ours to import).
type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * The gateway's connections to its subgraphs: keep-alive pools per subgraph origin, posted to with
 * undici's `request` instead of Apollo's default fetcher (make-fetch-happen) or WHATWG fetch, both
 * of which do more work per call (streams, Request/Response objects, cache checks). Every subgraph
 * fetch of every client request reuses a warm connection. Measured in bench/README.md.
 */
export class SubgraphHttp {
  private readonly agent: Agent;

  private readonly signals = new Map<string, AbortSignal>();
  private nextSignalKey = 0;

  constructor(private readonly timeoutMs: number, connectionsPerSubgraph = 64) {
    this.agent = new Agent({ connections: connectionsPerSubgraph, keepAliveTimeout: 30_000, pipelining: 1 });
  }

  /**
   * Registers the signal that cancels one fetch; the returned key goes in SIGNAL_HEADER. Keys are
   * ours, never a client's (a client's x-request-id could name another client's request).
   */
  signalKey(signal: AbortSignal): string {
    const key = String(this.nextSignalKey++);
    this.signals.set(key, signal);
    return key;
  }

  /** A fetcher for RemoteGraphQLDataSource: rejects on network faults and timeouts, like fetch. */
  readonly fetcher: Fetcher = async (url, init = {}) => {
    const { [SIGNAL_HEADER]: key, ...sent } = (init.headers ?? {}) as Record<string, string>;
    const signal = key === undefined ? undefined : this.signals.get(key);
    if (key !== undefined) this.signals.delete(key);
    const response = await request(url, {
      method: (init.method ?? 'POST') as 'POST',
      headers: sent,
      body: init.body,
      dispatcher: this.agent,
      signal,
      // A subgraph that hangs fails this fetch at SUBGRAPH_TIMEOUT_MS (undici's codes end in TIMEOUT,
      // which the gateway reports as the TIMEOUT reason).
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    return bufferedResponse(url, response.statusCode, headers, await response.body.text());
  };

  close(): Promise<void> {
    return this.agent.close();
  }
}

// The answer read whole (GraphQL results are parsed whole anyway), behind the Fetch API surface
// Apollo's data source reads: ok, status, headers, json() or text().
function bufferedResponse(url: string, status: number, headers: Headers, text: string): FetcherResponse {
  return {
    url,
    status,
    ok: status >= 200 && status <= 299,
    statusText: String(status),
    redirected: false,
    bodyUsed: false,
    headers,
    text: async () => text,
    json: async () => JSON.parse(text),
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    clone: () => bufferedResponse(url, status, headers, text),
  };
}
