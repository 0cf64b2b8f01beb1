// What the handler knows of one request, and how Apollo tells it which operation ran.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import type { Principal } from '../principal';
import type { TraceContext } from './trace-context';

/** What the handler knows of one request; given to `context`, and read back for the log line. */
export interface RequestInfo {
  /** The caller's well-formed `x-request-id`, or a new one; echoed in the response. */
  id: string;
  /** The caller's trace continued (valid `traceparent`), or a new one. */
  trace: TraceContext;
  /** A child logger whose every line carries the request and trace ids. */
  logger: Logger;
  /** The operation's name, once `requestInfoPlugin` has seen it. */
  operationName?: string;
  /** Who called, as log fields, when a prefix route authenticated them (never a token). */
  caller?: Record<string, unknown>;
}

// Where the plugin below finds the request on a context object. A symbol property, not a WeakMap:
// Apollo runs each operation on a shallow copy of the context, which copies it along.
export const REQUEST = Symbol('iag.request');
const requestOf = (context: object): RequestInfo | undefined => (context as { [REQUEST]?: RequestInfo })[REQUEST];

/**
 * Tells the handler which operation a request ran, for its log line and the `operation` label:
 * add it to the plugins of every ApolloServer served through `createGraphQLHandler`.
 */
export const requestInfoPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart({ contextValue, request }) {
    const info = requestOf(contextValue);
    if (!info) return;
    info.operationName = request.operationName ?? undefined;
    return {
      async didResolveOperation({ operationName }) {
        if (operationName) info.operationName = operationName;
      },
    };
  },
};

/** The log fields of a principal: who, never how they proved it. */
export function principalLogFields(principal: Principal): Record<string, unknown> {
  return {
    principal: { kind: principal.kind, sub: principal.sub, agency: principal.agency, org: principal.organizationId },
  };
}
