import { ForbiddenError, UnauthenticatedError, type Principal } from '@iag/kit';

/**
 * The refusal for an object that exists but `principal` may not see (docs/access.md "How a refusal
 * looks"): anonymous callers are told to sign in, since that might help; everyone else is told no.
 * Never NOT_FOUND: the row exists, and the answer must not depend on how the caller asked for it.
 */
export function hiddenError(principal: Principal, type: string, id: string) {
  if (principal.kind === 'ANONYMOUS') return new UnauthenticatedError(`Sign in to see ${type} ${JSON.stringify(id)}`);
  return new ForbiddenError(`You may not see ${type} ${JSON.stringify(id)}`);
}
