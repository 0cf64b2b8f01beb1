import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { ServiceMetrics } from './metrics';
import { REQUEST, type RequestInfo } from './request-info';
import { BodyTooLarge, headerValue, readBody, sendGraphQLError, wantsHtml } from './respond';
import { continueTrace, requestIdFrom } from './trace-context';

export { principalLogFields, requestInfoPlugin, type RequestInfo } from './request-info';
export { headerValue, sendGraphQLError, sendJson } from './respond';

/** A non-GraphQL answer; `info` carries the request's id, trace and logger for routes that serve data. */
export type Route = (req: IncomingMessage, res: ServerResponse, info: RequestInfo) => void | Promise<void>;

export interface HandlerOptions<C extends BaseContext, A> {
  /**
   * Runs before the body is read or any GraphQL work: who is calling. Throwing an
   * UNAUTHENTICATED error answers 401 at once.
   */
  authenticate: (req: IncomingMessage) => Promise<A>;
  /** Builds the per-request context from the authenticated caller. */
  context: (req: IncomingMessage, requestId: string, caller: A, request: RequestInfo) => Promise<C>;
  /** Extra routes by path (`/health`, `/ready`...). */
  routes?: Record<string, Route>;
  /**
   * Routes for every path under a prefix (`/taxii2/`...). They serve data, so their requests are
   * logged and counted like GraphQL ones; the route names its caller in `info.caller`.
   */
  prefixRoutes?: Record<string, Route>;
  /**
   * Answers a browser opening the GraphQL path (GET with an Accept that names text/html), e.g. with
   * an explorer page. It runs before `authenticate`: a browser's navigation carries no token.
   */
  landing?: Route;
  path?: string;
  /** Requests with a larger body are refused with 413 before parsing. */
  maxBodyBytes?: number;
  logger: Logger;
  /** Counts GraphQL requests by operation and status, and their latency. */
  metrics?: ServiceMetrics;
  /** Who called, for the request's log line (never a token). */
  describeCaller?: (caller: A) => Record<string, unknown>;
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
    const started = performance.now();
    // A subgraph is called only by the gateway, so it takes the gateway's id and trace, which
    // the gateway itself took from its client only when well-formed.
    const requestId = requestIdFrom(headerValue(req, 'x-request-id'));
    const trace = continueTrace(headerValue(req, 'traceparent'), headerValue(req, 'tracestate'));
    const logger = options.logger.child({
      requestId,
      traceId: trace.traceId,
      spanId: trace.spanId,
      ...(trace.parentSpanId ? { parentSpanId: trace.parentSpanId } : {}),
    });
    const info: RequestInfo = { id: requestId, trace, logger };
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    let graphql = false;
    let served = false;
    let who: Record<string, unknown> = {};
    // One line per request, when it ends (answered or aborted): GraphQL at info, the other routes
    // (health probes, scrapes, the explorer) at debug so they do not drown the log.
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const line = {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(graphql ? { operationName: info.operationName ?? null } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
        ...who,
        ...info.caller,
      };
      if (graphql || served) {
        logger.info(line, 'request');
        options.metrics?.observeRequest(info.operationName, res.statusCode, seconds);
      } else {
        logger.debug(line, 'request');
      }
    });
    try {
      const route = options.routes?.[url.pathname];
      if (route) return await route(req, res, info);
      const prefixed = Object.entries(options.prefixRoutes ?? {}).find(([prefix]) => url.pathname.startsWith(prefix));
      if (prefixed) {
        served = true;
        return await prefixed[1](req, res, info);
      }
      if (url.pathname !== path) return sendGraphQLError(res, 404, 'NOT_FOUND', 'Not found');
      if (options.landing && req.method === 'GET' && wantsHtml(req)) return await options.landing(req, res, info);
      graphql = true;

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
      if (options.describeCaller) who = options.describeCaller(caller);

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
        context: async () => {
          const context = await options.context(req, requestId, caller, info);
          return Object.assign(context, { [REQUEST]: info });
        },
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
        return sendGraphQLError(res, 413, 'BAD_REQUEST', 'The request body is too large', { connection: 'close' });
      }
      logger.error({ err: error }, 'request failed outside GraphQL');
      if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
      else res.end();
    }
  };
}
