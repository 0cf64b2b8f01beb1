import { fileURLToPath } from 'node:url';
import { SignJWT, importJWK, type JWK } from 'jose';
import { claimsFromPrincipal, loadOrCreateKeyFile, type Principal } from '@iag/kit/auth';

/** The local issuer of development mode; production never accepts its tokens. */
export const DEV_ISSUER = 'urn:iag:dev-issuer';
export const DEV_AUDIENCE = 'interagency-graph';
export const DEV_ALGORITHM = 'ES256';

/** `.data/keys/` of this checkout: generated on first start, git-ignored, never committed. */
export const DEV_KEYS_DIR = fileURLToPath(new URL('../../../.data/keys/', import.meta.url));

export function loadDevIssuerKeys(dir = DEV_KEYS_DIR) {
  return loadOrCreateKeyFile(`${dir}dev-issuer.json`, DEV_ALGORITHM);
}

/** Mints a development token for a principal, valid for `ttlSeconds`. */
export async function signDevToken(privateJwk: JWK, principal: Principal, ttlSeconds = 8 * 3600): Promise<string> {
  const key = await importJWK(privateJwk, DEV_ALGORITHM);
  return new SignJWT(claimsFromPrincipal(principal))
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: privateJwk.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}
