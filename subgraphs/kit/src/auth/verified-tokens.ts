import { LRUCache } from 'lru-cache';
import type { Principal } from '../principal';

/**
 * Tokens already verified, and whom they named. A caller sends the same token with every request
 * until it expires, and the gateway reuses each internal token for about 40 s; verifying the
 * signature again each time cost about 0.18 ms per token, a sixth of a small subgraph fetch.
 *
 * Only a token that passed every check is kept, with its principal frozen, for at most
 * `maxAgeMs` and never past its own `exp`. A key withdrawn from the issuer's JWKS therefore stops
 * working for cached tokens within `maxAgeMs`, as it would for tokens already accepted anyway.
 */
export function createVerifiedTokens(options: { max?: number; maxAgeMs?: number } = {}) {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  // The wall clock, as `exp` is, read on every get (ttlResolution 0): a cached "now" could serve a
  // token a moment past its expiry.
  const cache = new LRUCache<string, Principal>({ max: options.max ?? 10_000, ttl: maxAgeMs, perf: Date, ttlResolution: 0 });
  return {
    get: (token: string): Principal | undefined => cache.get(token),
    /** `exp`: the token's expiry claim, in seconds since the epoch. */
    set(token: string, principal: Principal, exp: number | undefined): void {
      const ttl = Math.min(maxAgeMs, (exp ?? 0) * 1000 - Date.now());
      if (ttl <= 0) return;
      cache.set(token, Object.freeze({ ...principal, scopes: Object.freeze([...principal.scopes]) }), { ttl });
    },
  };
}
