import type { GraphQLFormattedError } from 'graphql';

// Node's socket errors, postgres.js's own connection errors, and the SQLSTATEs of a server that
// is going away or refusing connections (class 08: connection exception; 57P0x: shutdown, crash,
// not yet accepting; 53300: too many connections). All say "try again later", none is the query's fault.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
const SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;

/**
 * True when an error (or one it wraps: drizzle puts the driver's error in `cause`) says the
 * database could not be reached, as opposed to a query that failed on its own.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 6; e = e.cause ?? e.originalError, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATES.test(code)) return true;
    if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true; // AggregateError (dual-stack connect)
  }
  return false;
}

/**
 * What a client sees when the subgraph's database is down: a coded, retryable error naming the
 * service, with the field's path, and no host, SQL or driver message.
 */
export function databaseUnavailableError(service: string, formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: `The ${service} service is temporarily unavailable; try again shortly`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'SERVICE_UNAVAILABLE', service, reason: 'DATABASE' },
  };
}
