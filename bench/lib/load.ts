// One load run with autocannon: each connection sends chains of requests (a gateway request is a
// chain of one; the floor replays a subgraph's fetches of one operation as one chain), cycling
// through the pool so that consecutive requests differ. Latency is per chain, in an HDR histogram.
import autocannon from 'autocannon';
import { LatencyRecorder, type Latency } from './histogram';

export interface HttpRequestSpec {
  body: string;
  headers: Record<string, string>;
}

/** A chain of requests sent one after the other on one connection; `headers` may change per call. */
export type Chain = () => HttpRequestSpec[];

export interface LoadResult {
  /** Completed chains (requests when every chain is one request). */
  count: number;
  /** Individual HTTP requests. */
  requests: number;
  seconds: number;
  perSecond: number;
  latency: Latency;
  /** Non-2xx answers, bodies with `errors`, connection errors and timeouts. */
  errors: number;
  /** One error body, to show what went wrong. */
  errorSample?: string;
}

interface ChainContext {
  chain?: HttpRequestSpec[];
  start?: number;
  step?: number;
}

/** Runs `chains` (cycled) against `url` for `seconds` at `connections`. */
export async function runLoad(options: { url: string; chains: Chain[]; connections: number; seconds: number }): Promise<LoadResult> {
  const { url, chains, connections, seconds } = options;
  if (!chains.length) throw new Error('runLoad: no chains');
  // Build every chain once to learn the longest; autocannon needs a fixed sequence length, and a
  // shorter chain ends early by returning nothing from setupRequest (which restarts the sequence).
  const longest = Math.max(...chains.map((c) => c().length));
  const recorder = new LatencyRecorder();
  let next = 0;
  let errors = 0;
  let requests = 0;
  let errorSample: string | undefined;
  const path = new URL(url).pathname;

  const steps = Array.from({ length: longest }, (_, index) => ({
    method: 'POST' as const,
    path,
    setupRequest: (req: any, context: ChainContext) => {
      if (index === 0) {
        context.chain = chains[next++ % chains.length]();
        context.start = performance.now();
      }
      const spec = context.chain?.[index];
      if (!spec) return undefined as any;
      context.step = index;
      return { ...req, method: 'POST', path, body: spec.body, headers: { 'content-type': 'application/json', ...spec.headers } };
    },
    onResponse: (status: number, body: string, context: ChainContext) => {
      requests++;
      if (status < 200 || status >= 300 || body.includes('"errors"')) {
        errors++;
        errorSample ??= `${status} ${body.slice(0, 500)}`;
      }
      if (context.chain && context.step === context.chain.length - 1 && context.start !== undefined) {
        recorder.record(performance.now() - context.start);
      }
    },
  }));

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, requests: steps as any, timeout: 30 },
      (error: Error | null, res: autocannon.Result) => (error ? reject(error) : resolve(res)),
    );
    // Stopped by the caller's Ctrl-C handler through process exit; nothing to track here.
    void instance;
  });
  const latency = recorder.summary();
  const elapsed = (result as any).duration ?? seconds;
  return {
    count: latency.count,
    requests,
    seconds: elapsed,
    perSecond: latency.count / elapsed,
    latency,
    errors: errors + result.errors + result.timeouts,
    errorSample,
  };
}
