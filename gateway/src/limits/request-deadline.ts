import type { RequestListener } from 'node:http';
import { sendGraphQLError } from '@iag/kit/http';

export const TIMEOUT_CODE = 'GATEWAY_TIMEOUT';

/**
 * One deadline for the whole request, from its first byte to the last of the answer: reading a
 * slowly trickled body, verifying the token, planning, every subgraph fetch. Past it the client
 * gets a 504 with a coded error; each subgraph fetch has its own, shorter timeout besides
 * (SUBGRAPH_TIMEOUT_MS), and those still bound the work left running after the answer.
 *
 * It wraps the listener rather than living in an Apollo plugin because a plugin cannot answer while
 * execution is still awaiting a subgraph, and it would not see the body being read.
 */
export function withRequestDeadline(listener: RequestListener, timeoutMs: number): RequestListener {
  return (req, res) => {
    const timer = setTimeout(() => {
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
    res.once('close', () => clearTimeout(timer));
    return listener(req, res);
  };
}
