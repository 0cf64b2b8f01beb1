// Answers written without GraphQL (routes, refusals before GraphQL runs), and reading a request.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Writes a JSON body with a status; used for every non-GraphQL answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** A GraphQL-shaped error answer, for requests refused before GraphQL runs. */
export function sendGraphQLError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

/** A body over the limit: answered 413 by the handler. */
export class BodyTooLarge extends Error {}

/** The whole body as text, refusing more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        // Stop reading, but leave the socket open: destroying it here would drop the 413 as well.
        // The answer closes the connection (see the catch below).
        req.removeAllListeners('data');
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// Browsers navigating ask for text/html; GraphQL clients (and curl's any-type default) do not.
export function wantsHtml(req: IncomingMessage): boolean {
  return (headerValue(req, 'accept') ?? '').toLowerCase().includes('text/html');
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
