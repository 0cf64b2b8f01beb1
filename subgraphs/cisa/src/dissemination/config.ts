import type { Logger } from '@iag/kit';
import type { createInternalSigner } from '@iag/kit';

export type PrivateJwk = Parameters<typeof createInternalSigner>[0];

export interface DisseminationConfig {
  /** The Partners subgraph's GraphQL URL, called directly (not through the gateway). */
  partnersUrl: string;
  /** The dispatcher's own Ed25519 private key; Partners trusts its public half. */
  privateJwk: PrivateJwk;
  /**
   * How long a claimed batch is reserved before another dispatcher may send it again: the
   * recovery time after a crash mid-batch. It must stay well above the 5 s call timeout.
   */
  leaseSeconds: number;
}

export const DEFAULT_PARTNERS_URL = 'http://127.0.0.1:4004/graphql';

/**
 * Reads the dispatcher's settings from the subgraph's environment. Without a usable key the
 * dispatcher is not started (undefined, with a warning): the subgraph still serves, and the
 * outbox keeps filling until a key is configured. Never throws.
 */
export function parseDisseminationConfig(env: Record<string, string | undefined> | undefined, logger: Logger): DisseminationConfig | undefined {
  const rawUrl = env?.PARTNERS_URL?.trim() || DEFAULT_PARTNERS_URL;
  let partnersUrl: string;
  try {
    const url = new URL(rawUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    partnersUrl = url.toString();
  } catch {
    logger.warn('PARTNERS_URL is not an http(s) URL: dissemination dispatcher not started');
    return undefined;
  }
  const rawKey = env?.DISSEMINATION_JWT_PRIVATE_KEY?.trim();
  if (!rawKey) {
    logger.warn('DISSEMINATION_JWT_PRIVATE_KEY is not set: dissemination dispatcher not started, the outbox only fills');
    return undefined;
  }
  let privateJwk: PrivateJwk;
  try {
    privateJwk = JSON.parse(rawKey) as PrivateJwk;
  } catch {
    // The message never quotes the value: it is a private key.
    logger.warn('DISSEMINATION_JWT_PRIVATE_KEY is not JSON: dissemination dispatcher not started');
    return undefined;
  }
  if (!privateJwk || typeof privateJwk !== 'object' || privateJwk.kty !== 'OKP' || privateJwk.crv !== 'Ed25519' || typeof privateJwk.d !== 'string') {
    logger.warn('DISSEMINATION_JWT_PRIVATE_KEY is not an Ed25519 private JWK: dissemination dispatcher not started');
    return undefined;
  }
  const lease = Number(env?.DISSEMINATION_LEASE_SECONDS ?? 60);
  const leaseSeconds = Number.isInteger(lease) && lease >= 10 && lease <= 3600 ? lease : 60;
  if (leaseSeconds !== lease) logger.warn('DISSEMINATION_LEASE_SECONDS must be a whole number from 10 to 3600: using 60');
  return { partnersUrl, privateJwk, leaseSeconds };
}
