import type { JWTPayload } from 'jose';
import { UnauthenticatedError } from '../errors';
import type { Principal } from '../principal';

/**
 * The claims a token carries about its holder. `scope` is space-separated, as in OAuth 2.0
 * (RFC 8693 §4.2); `kind`, `agency` and `org` are this hub's own.
 */
export interface PrincipalClaims extends JWTPayload {
  sub: string;
  kind: 'US_GOVERNMENT' | 'PARTNER';
  agency?: string;
  org?: string;
  scope?: string;
}

const AGENCY = /^[A-Z][A-Z0-9_-]{1,31}$/;
const ID = /^[a-z0-9][a-z0-9:._-]{0,127}$/i;

/** Turns verified claims into a principal; a token that verifies but says nonsense is refused. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const { sub, kind, agency, org, scope } = claims as Partial<PrincipalClaims>;
  if (typeof sub !== 'string' || !sub) throw new UnauthenticatedError('The token has no subject');
  const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
  if (kind === 'US_GOVERNMENT') {
    if (typeof agency !== 'string' || !AGENCY.test(agency)) {
      throw new UnauthenticatedError('A US government token must name its agency');
    }
    return { kind, sub, agency, scopes };
  }
  if (kind === 'PARTNER') {
    if (typeof org !== 'string' || !ID.test(org)) {
      throw new UnauthenticatedError('A partner token must name its organization');
    }
    // Partners hold no scopes: what they see follows from their organization alone.
    return { kind, sub, organizationId: org, scopes: [] };
  }
  throw new UnauthenticatedError('The token has no valid kind');
}

/** The claims that carry a principal, for the gateway's internal tokens and development tokens. */
export function claimsFromPrincipal(principal: Principal): Record<string, unknown> {
  if (principal.kind === 'ANONYMOUS') return { kind: 'ANONYMOUS' };
  return {
    sub: principal.sub,
    kind: principal.kind,
    ...(principal.agency ? { agency: principal.agency } : {}),
    ...(principal.organizationId ? { org: principal.organizationId } : {}),
    ...(principal.scopes.length ? { scope: principal.scopes.join(' ') } : {}),
  };
}
