import { createHash } from 'node:crypto';
import { SignJWT, importJWK, jwtVerify, type CryptoKey, type JWK } from 'jose';
import { UnauthenticatedError } from '../errors';
import { ANONYMOUS, type Principal } from '../principal';
import { claimsFromPrincipal, principalFromClaims } from './claims';
import { createVerifiedTokens } from './verified-tokens';

/** Who signs internal tokens; subgraphs accept no other issuer. */
export const INTERNAL_ISSUER = 'iag-gateway';
export const INTERNAL_ALGORITHM = 'EdDSA';
const TTL_SECONDS = 60;
// A token is reused while it has more than this left, so a busy gateway signs about once a
// minute per caller and subgraph instead of once per request.
const REUSE_MARGIN_SECONDS = 20;

/** The gateway's side: signs a short-lived token per subgraph carrying the verified principal. */
export async function createInternalSigner(privateJwk: JWK) {
  const key = (await importJWK(privateJwk, INTERNAL_ALGORITHM)) as CryptoKey;
  const cache = new Map<string, { token: string; expires: number }>();

  return async function sign(principal: Principal, subgraph: string): Promise<string> {
    const claims = claimsFromPrincipal(principal);
    const cacheKey = createHash('sha256').update(`${subgraph}\n${JSON.stringify(claims)}`).digest('base64url');
    const now = Math.floor(Date.now() / 1000);
    const cached = cache.get(cacheKey);
    if (cached && cached.expires - now > REUSE_MARGIN_SECONDS) return cached.token;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: INTERNAL_ALGORITHM, kid: privateJwk.kid, typ: 'iag-internal+jwt' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(subgraph)
      .setIssuedAt(now)
      .setExpirationTime(now + TTL_SECONDS)
      .sign(key);
    if (cache.size > 10_000) cache.clear();
    cache.set(cacheKey, { token, expires: now + TTL_SECONDS });
    return token;
  };
}

/**
 * Another service allowed to call this subgraph directly (e.g. CISA's dissemination dispatcher
 * calling Partners): its own key, good only for its own `sub`, so it cannot speak for anyone else.
 */
export interface TrustedService {
  sub: string;
  publicJwk: JWK;
}

/**
 * A subgraph's side: accepts only a token signed by the gateway's key (or a trusted service's
 * key, for that service's own identity), for this subgraph, not expired, with the internal token
 * type. Anything else is UNAUTHENTICATED.
 */
export async function createInternalVerifier(publicJwk: JWK, subgraph: string, services: TrustedService[] = []) {
  const gatewayKey = (await importJWK(publicJwk, INTERNAL_ALGORITHM)) as CryptoKey;
  const serviceKeys = await Promise.all(
    services.map(async (s) => ({ sub: s.sub, key: (await importJWK(s.publicJwk, INTERNAL_ALGORITHM)) as CryptoKey })),
  );
  const options = {
    issuer: INTERNAL_ISSUER,
    audience: subgraph,
    algorithms: [INTERNAL_ALGORITHM],
    typ: 'iag-internal+jwt',
    requiredClaims: ['exp', 'iat'],
    clockTolerance: 5,
  };
  const verified = createVerifiedTokens();
  return async function verify(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError('This service answers only the gateway');
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, gatewayKey, options);
      const principal = payload.kind === 'ANONYMOUS' ? ANONYMOUS : principalFromClaims(payload);
      verified.set(token, principal, payload.exp);
      return principal;
    } catch {
      for (const service of serviceKeys) {
        try {
          const { payload } = await jwtVerify(token, service.key, options);
          if (payload.sub === service.sub) {
            const principal = principalFromClaims(payload);
            verified.set(token, principal, payload.exp);
            return principal;
          }
        } catch {
          // not this service's key either
        }
      }
      throw new UnauthenticatedError('This service answers only the gateway');
    }
  };
}
