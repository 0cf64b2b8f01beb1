import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The one `extensions.code` a client gets for any operation the gateway refuses by its limits. */
export const LIMIT_CODE = 'OPERATION_LIMIT_EXCEEDED';

/** Which limit refused the operation; named in the message and in `extensions.limit`. */
export type LimitKind = 'depth' | 'introspection depth' | 'field duplication' | 'aliases' | 'root fields' | 'directives' | 'tokens' | 'cost';

/**
 * A refusal that names the kind of limit but never the configured number nor the measured value:
 * an attacker probing for the largest operation that still passes learns nothing from the answer.
 */
export class OperationLimitError extends GraphQLError {
  constructor(readonly kind: LimitKind) {
    super(`The operation was refused: it exceeds the gateway's ${kind} limit.`, {
      // 400 when Apollo answers it from a plugin; from a validation rule Apollo sets 400 itself.
      extensions: { code: LIMIT_CODE, limit: kind, http: { status: 400 } },
    });
  }
}

// graphql-js's own token limit (the parser's `maxTokens`) throws a syntax error naming the number.
// ("more that": graphql 16's own spelling.)
const TOKEN_LIMIT_MESSAGE = /Document contains more (?:than|that) \d+ tokens/;

/**
 * Apollo wraps what a validation rule reports in its own ValidationError (code
 * GRAPHQL_VALIDATION_FAILED) and what the parser throws in a SyntaxError (GRAPHQL_PARSE_FAILED):
 * the code and message we chose survive only as the original error. This finds that original and
 * gives the client our code and message; anything else returns undefined and is left to the
 * gateway's usual masking.
 */
export function formatLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  let kind: LimitKind | undefined;
  for (let e: unknown = error, hops = 0; e instanceof Error && hops < 5; e = (e as GraphQLError).originalError, hops++) {
    if (e instanceof OperationLimitError) kind = e.kind;
    // By message, not class: the parser that threw may be another copy of graphql (ESM and CJS).
    else if (TOKEN_LIMIT_MESSAGE.test(e.message)) kind = 'tokens';
    if (kind) break;
  }
  if (!kind) return undefined;
  const limit = new OperationLimitError(kind);
  // No `locations`: where the parser gave up on a long document tells the token limit.
  return { message: limit.message, extensions: { code: LIMIT_CODE, limit: kind } };
}
