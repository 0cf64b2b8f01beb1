import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { ANONYMOUS, UnauthenticatedError, createVerifiedTokens, principalFromClaims, type Principal } from '@iag/kit/auth';

export interface CallerAuthOptions {
  issuer: string;
  audience: string;
  algorithms: string[];
  /** Exactly one source of keys. */
  jwksUrl?: string;
  publicKeyPem?: string;
  publicJwks?: JWK[];
}

async function keySource(options: CallerAuthOptions): Promise<JWTVerifyGetKey | CryptoKey> {
  if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3_000 });
  if (options.publicJwks) return createLocalJWKSet({ keys: options.publicJwks });
  return (await importSPKI(options.publicKeyPem!, options.algorithms[0])) as CryptoKey;
}

/**
 * Verifies the caller's bearer token: signature, issuer, audience, expiry, and an allowed
 * algorithm list (which is what refuses `alg: none` and algorithm confusion). No token means
 * anonymous; a bad one is an UNAUTHENTICATED error, never a silent downgrade to anonymous.
 */
export async function createCallerVerifier(options: CallerAuthOptions) {
  const keys = await keySource(options);
  // A client sends the same token with every request until it expires: verify it once a minute.
  const verified = createVerifiedTokens({ maxAgeMs: 60_000 });
  return async function verifyCaller(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '' || authorization.trim() === 'Bearer') return ANONYMOUS;
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, keys as JWTVerifyGetKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: options.algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      });
      const principal = principalFromClaims(payload);
      verified.set(token, principal, payload.exp);
      return principal;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
      // One message for every other failure: telling a prober which check failed helps only the prober.
      throw new UnauthenticatedError('The token is not valid');
    }
  };
}
