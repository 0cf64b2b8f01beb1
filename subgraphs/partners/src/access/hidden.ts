import { ForbiddenError, UnauthenticatedError, type Principal, type PublicError } from '@iag/kit';

/**
 * The refusal for an object that exists but the caller may not see (docs/access.md, "How a refusal
 * looks"): UNAUTHENTICATED for anonymous callers, because signing in may help; FORBIDDEN otherwise.
 * Unknown ids are a different answer (NOT_FOUND, or null for references), so callers check first.
 */
export function hiddenError(principal: Principal, type: string): PublicError {
  if (principal.kind === 'ANONYMOUS') return new UnauthenticatedError(`Sign in to see this ${type}`);
  return new ForbiddenError(`You may not see this ${type}`);
}

/** What a by-id loader gives: the row and whether the visibility rule (computed in SQL) admits it. */
export type Lookup<Row> = Row & { visible: boolean };

/**
 * Turns a by-id lookup into what the caller may have: null when the id is unknown, the row when the
 * rule admits it, and a thrown refusal when it exists but is hidden. The rule itself stays in SQL.
 */
export function admitted<Row>(principal: Principal, type: string, found: Lookup<Row> | null): Row | null {
  if (!found) return null;
  if (!found.visible) throw hiddenError(principal, type);
  return found;
}
