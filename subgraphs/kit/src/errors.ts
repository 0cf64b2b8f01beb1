import { GraphQLError } from 'graphql';

/** The codes a client may see in `extensions.code`; anything else is masked. */
export const PUBLIC_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
export type PublicErrorCode = (typeof PUBLIC_ERROR_CODES)[number];

/** An error meant for the client: its message and code are safe to show. */
export class PublicError extends GraphQLError {
  constructor(message: string, code: PublicErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Bad input; `field` names the argument or input field at fault. */
export class BadUserInputError extends PublicError {
  constructor(message: string, field?: string) {
    super(message, 'BAD_USER_INPUT', field ? { field } : {});
  }
}

export class NotFoundError extends PublicError {
  constructor(type: string, key: string) {
    super(`${type} ${JSON.stringify(key)} was not found`, 'NOT_FOUND', { type });
  }
}

export class ForbiddenError extends PublicError {
  constructor(message = 'You may not see or do this') {
    super(message, 'FORBIDDEN');
  }
}

export class UnauthenticatedError extends PublicError {
  constructor(message = 'Authentication required') {
    super(message, 'UNAUTHENTICATED');
  }
}

export class ConflictError extends PublicError {
  /** `retryable`: the same request, sent again, may succeed (nothing was written). */
  constructor(message: string, extensions: { retryable?: boolean } = {}) {
    super(message, 'CONFLICT', extensions);
  }
}

export class ServiceUnavailableError extends PublicError {
  constructor(message = 'The service is temporarily unavailable; try again shortly') {
    super(message, 'SERVICE_UNAVAILABLE');
  }
}

const publicCodes = new Set<string>(PUBLIC_ERROR_CODES);

/** True when an error's code marks it as written for the client. */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && publicCodes.has(code);
}
