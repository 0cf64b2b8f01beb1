import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { isPublicCode } from '../errors';

/**
 * An error Apollo Server raises itself about the request, before any of our code runs, with a 4xx
 * status but no code ("provided sha does not match query", "Unsupported persisted query version"):
 * the client's mistake, in Apollo's own words, so it is shown as BAD_REQUEST rather than masked.
 */
export function isRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  return status !== undefined && status >= 400 && status < 500;
}

/**
 * Lets through only errors written for clients; everything else (drizzle errors carry SQL and
 * parameters, network errors carry internal URLs) becomes "Unexpected error." with its details
 * left in the log. `original` (formatError's second argument) lets Apollo's own request errors through.
 */
export function maskError(formatted: GraphQLFormattedError, original?: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isRequestError(original)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  if (isPublicCode(code)) {
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return {
    message: 'Unexpected error.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Refuses, with 400 and a public code, two operations Apollo Server lets through to execution,
 * where they fail as uncoded errors that are masked as INTERNAL_SERVER_ERROR (a 500 at the
 * gateway, whose executor throws them): an operation name that names no operation in the document
 * (Apollo resolves it itself only without a gateway), and a subscription (or mutation) on a schema
 * with no such root type (graphql-js 16 has no validation rule for it). Add it to the plugins of
 * every ApolloServer the hub runs.
 */
export const operationGuardPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, schema, document }) {
        if (!operation) {
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        }
        // PostgreSQL text cannot hold NUL: refused here as bad input, not left to fail in SQL.
        if (holdsNul(request.variables) || documentHoldsNul(document)) {
          throw new GraphQLError('Strings must not contain NUL (U+0000) characters.', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
        if (!schema.getRootType(operation.operation)) {
          throw new GraphQLError(`This schema has no ${operation.operation} operations.`, {
            nodes: [operation],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
          });
        }
      },
    };
  },
};

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v));
  return false;
}

function documentHoldsNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}
