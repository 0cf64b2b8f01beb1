import type { IncomingMessage, RequestListener } from 'node:http';
import { sendGraphQLError } from '@iag/kit/http';

export const TIMEOUT_CODE = 'GATEWAY_TIMEOUT';

const signals = new WeakMap<IncomingMessage, AbortSignal>();

/**
 * Aborted when the request's deadline passes or its client goes away before the answer: the
 * subgraph fetches still in flight for it are then cancelled (subgraph-http.ts), instead of
 * holding connections and subgraph work until SUBGRAPH_TIMEOUT_MS for an answer nobody reads.
 */
export function requestSignal(req: IncomingMessage): AbortSignal | undefined {
  return signals.get(req);
}

/**
 * One deadline for the whole request, from its first byte to the last of the answer: reading a
 * slowly trickled body, verifying the token, planning, every subgraph fetch. Past it the client
 * gets a 504 with a coded error; each subgraph fetch has its own, shorter timeout besides
 * (SUBGRAPH_TIMEOUT_MS). Past the deadline the fetches still running are aborted (requestSignal).
 *
 * It wraps the listener rather than living in an Apollo plugin because a plugin cannot answer while
 * execution is still awaiting a subgraph, and it would not see the body being read.
 */
export function withRequestDeadline(listener: RequestListener, timeoutMs: number): RequestListener {
  return (req, res) => {
    const abort = new AbortController();
    signals.set(req, abort.signal);
    const timer = setTimeout(() => {
      abort.abort(new Error('the request deadline passed'));
      if (res.headersSent || res.writableEnded) return;
      sendGraphQLError(res, 504, TIMEOUT_CODE, 'The request took too long and was stopped.');
      // The inner handler answers later: its writes go nowhere instead of throwing into its
      // error path (which would log a crash for what is an ordinary timeout).
      res.setHeader = () => res;
      res.writeHead = () => res;
      res.write = () => true;
      res.end = () => res;
    }, timeoutMs);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
      // Closed before the whole answer went out: the client is gone, and so is the need to fetch.
      if (!res.writableFinished) abort.abort(new Error('the client went away'));
    });
    return listener(req, res);
  };
}
