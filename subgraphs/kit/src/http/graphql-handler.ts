import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HandlerOptions<C extends BaseContext, A> {
  /**
   * Runs before the body is read or any GraphQL work: who is calling. Throwing an
   * UNAUTHENTICATED error answers 401 at once.
   */
  authenticate: (req: IncomingMessage) => Promise<A>;
  /** Builds the per-request context from the authenticated caller. */
  context: (req: IncomingMessage, requestId: string, caller: A) => Promise<C>;
  /** Extra routes by path (`/health`, `/ready`...). */
  routes?: Record<string, Route>;
  /**
   * Answers a browser opening the GraphQL path (GET with an Accept that names text/html), e.g. with
   * an explorer page. It runs before `authenticate`: a browser's navigation carries no token.
   */
  landing?: Route;
  path?: string;
  /** Requests with a larger body are refused with 413 before parsing. */
  maxBodyBytes?: number;
  logger: Logger;
}

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

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A plain node:http listener around Apollo Server's `executeHTTPGraphQLRequest`: no framework in
 * the hot path, and full control of what happens before GraphQL runs (body limits, auth, routes).
 */
export function createGraphQLHandler<C extends BaseContext, A>(
  server: ApolloServer<C>,
  options: HandlerOptions<C, A>,
): RequestListener {
  const path = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;

  return async (req, res) => {
    const requestId = headerValue(req, 'x-request-id') ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      const route = options.routes?.[url.pathname];
      if (route) return await route(req, res);
      if (url.pathname !== path) return sendJson(res, 404, { error: 'Not found' });
      if (options.landing && req.method === 'GET' && wantsHtml(req)) return await options.landing(req, res);

      let caller: A;
      try {
        caller = await options.authenticate(req);
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
          // Drain what the client sent so the connection stays usable, but never parse it.
          req.resume();
          return sendGraphQLError(res, 401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' });
        }
        throw error;
      }

      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req, maxBodyBytes);
        const type = req.headers['content-type'] ?? '';
        if (type.includes('application/json')) {
          try {
            body = text.length ? JSON.parse(text) : undefined;
          } catch {
            return sendGraphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
          }
        } else {
          body = text;
        }
      }

      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req, requestId, caller),
      });
      for (const [name, value] of result.headers) res.setHeader(name, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendGraphQLError(res, 413, 'BAD_REQUEST', 'The request body is too large');
      }
      options.logger.error({ err: error, requestId }, 'request failed outside GraphQL');
      if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
      else res.end();
    }
  };
}

// Browsers navigating ask for text/html; GraphQL clients (and curl's any-type default) do not.
function wantsHtml(req: IncomingMessage): boolean {
  return (headerValue(req, 'accept') ?? '').toLowerCase().includes('text/html');
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
