import type { GraphQLFormattedError } from 'graphql';
import { isPublicCode } from '../errors';

/**
 * Lets through only errors written for clients; everything else (drizzle errors carry SQL and
 * parameters, network errors carry internal URLs) becomes "Unexpected error." with its details
 * left in the log.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
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
