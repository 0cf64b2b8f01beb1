import type { JWK } from 'jose';
import { ConfigError } from '@iag/kit/http';
import type { CallerAuthOptions } from './caller';

const ASYMMETRIC = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']);

export interface AuthSettings {
  /** How callers' tokens are verified; undefined means the development issuer. */
  caller?: CallerAuthOptions;
  /** The key the gateway signs internal tokens with; undefined means the development key file. */
  internalPrivateJwk?: JWK;
}

/**
 * Reads the identity settings. In production every one is required and checked together, so a
 * half-configured gateway refuses to start instead of running with weaker checks.
 */
export function parseAuthSettings(env: Record<string, string | undefined>, production: boolean): AuthSettings {
  const problems: string[] = [];
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  const jwksUrl = env.AUTH_JWKS_URL;
  const publicKeyPem = env.AUTH_PUBLIC_KEY;
  const algorithms = (env.AUTH_ALGORITHMS ?? 'RS256,ES256,EdDSA').split(',').map((a) => a.trim()).filter(Boolean);
  const configured = Boolean(issuer || audience || jwksUrl || publicKeyPem);

  let caller: CallerAuthOptions | undefined;
  if (configured || production) {
    if (!issuer) problems.push('AUTH_ISSUER: required (the "iss" your identity provider puts in tokens)');
    if (!audience) problems.push('AUTH_AUDIENCE: required (the "aud" tokens for this hub carry)');
    if (!jwksUrl && !publicKeyPem) problems.push('AUTH_JWKS_URL or AUTH_PUBLIC_KEY: one is required');
    if (jwksUrl && publicKeyPem) problems.push('AUTH_JWKS_URL and AUTH_PUBLIC_KEY: set only one');
    if (jwksUrl && !(URL.canParse(jwksUrl) && /^https?:/.test(jwksUrl))) problems.push('AUTH_JWKS_URL: must be an http(s) URL');
    if (jwksUrl && production && !jwksUrl.startsWith('https:')) problems.push('AUTH_JWKS_URL: must use https in production');
    if (publicKeyPem && !publicKeyPem.includes('BEGIN PUBLIC KEY')) problems.push('AUTH_PUBLIC_KEY: must be a PEM public key (SPKI)');
    const bad = algorithms.filter((a) => !ASYMMETRIC.has(a));
    // `none` and the HMAC algorithms are refused outright: with a public key configured, HS256 is
    // the classic algorithm-confusion attack.
    if (bad.length || !algorithms.length) problems.push(`AUTH_ALGORITHMS: only asymmetric algorithms are allowed (got ${bad.join(', ') || 'none'})`);
    caller = { issuer: issuer!, audience: audience!, algorithms, jwksUrl, publicKeyPem };
  }

  let internalPrivateJwk: JWK | undefined;
  if (env.INTERNAL_JWT_PRIVATE_KEY) {
    try {
      internalPrivateJwk = JSON.parse(env.INTERNAL_JWT_PRIVATE_KEY) as JWK;
      if (!internalPrivateJwk.d) problems.push('INTERNAL_JWT_PRIVATE_KEY: must be the private key (a JWK with "d")');
    } catch {
      problems.push('INTERNAL_JWT_PRIVATE_KEY: must be a JWK (JSON)');
    }
  } else if (production) {
    problems.push('INTERNAL_JWT_PRIVATE_KEY: required in production (an Ed25519 private JWK; subgraphs get its public half)');
  }

  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return { caller, internalPrivateJwk };
}
