import type { AuthChecker } from 'type-graphql';
import type { SubgraphContext } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';
import type { Principal } from './principal';

/** The role that `@Authorized('AUTHENTICATED')` asks for: any verified caller. */
export const AUTHENTICATED = 'AUTHENTICATED';
/** The role that `@Authorized('US_GOVERNMENT')` asks for. */
export const US_GOVERNMENT = 'US_GOVERNMENT';

export const isUsGovernment = (p: Principal) => p.kind === 'US_GOVERNMENT';
export const isPartner = (p: Principal) => p.kind === 'PARTNER';

/** Scopes are granted to US government principals only; partners' rights follow from their organization. */
export const hasScope = (p: Principal, scope: string) => p.kind === 'US_GOVERNMENT' && p.scopes.includes(scope);

/** Throws FORBIDDEN (or UNAUTHENTICATED for anonymous callers) unless the caller is US government with `scope`. */
export function requireScope(principal: Principal, scope: string): void {
  if (hasScope(principal, scope)) return;
  if (principal.kind === 'ANONYMOUS') throw new UnauthenticatedError(`Sign in: this needs the ${scope} scope`);
  throw new ForbiddenError(`This needs the ${scope} scope`);
}

/**
 * type-graphql's auth checker: each role is a scope, or one of AUTHENTICATED / US_GOVERNMENT.
 * It throws coded errors itself, so a refusal reads FORBIDDEN, not type-graphql's own wording.
 */
export const authChecker: AuthChecker<SubgraphContext> = ({ context }, roles) => {
  const { principal } = context;
  for (const role of roles) {
    if (role === AUTHENTICATED) {
      if (principal.kind === 'ANONYMOUS') throw new UnauthenticatedError();
    } else if (role === US_GOVERNMENT) {
      if (!isUsGovernment(principal)) {
        if (principal.kind === 'ANONYMOUS') throw new UnauthenticatedError();
        throw new ForbiddenError('Only US government callers may see this');
      }
    } else {
      requireScope(principal, role);
    }
  }
  return true;
};

/**
 * The refusal for an object that exists but `principal` may not see (docs/access.md "How a refusal
 * looks"): anonymous callers are told to sign in, since that might help; everyone else is told no.
 * Never NOT_FOUND: the row exists, and the answer must not depend on how the caller asked for it.
 */
export function hiddenError(principal: Principal, type: string, id: string) {
  if (principal.kind === 'ANONYMOUS') return new UnauthenticatedError(`Sign in to see ${type} ${JSON.stringify(id)}`);
  return new ForbiddenError(`You may not see ${type} ${JSON.stringify(id)}`);
}
