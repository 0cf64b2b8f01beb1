// Caller tokens from the development issuer, as `pnpm run token` makes them, for many principals.
import type { Principal } from '@iag/kit/auth';
import { loadDevIssuerKeys, signDevToken } from '../../gateway/src/auth/dev-issuer';
import { personas } from '../../gateway/src/auth/personas';

/** The demo national CSIRTs (docs/demo-data.md): partners whose product feeds differ. */
export const DEMO_PARTNERS = [
  'nl-ncsc', 'de-cert-bund', 'gb-ncsc', 'fr-cert-fr', 'pl-cert-polska', 'ee-cert-ee', 'ua-cert-ua', 'no-ncsc',
  'jp-jpcert', 'kr-krcert', 'tw-twcert', 'sg-singcert', 'au-acsc', 'ca-cccs', 'eg-egcert',
];

/** A US principal like a persona, under another `sub` (another analyst of the same agency). */
export function usPrincipal(persona: 'cisa-analyst' | 'dhs-coordinator', n: number, extraScopes: string[] = []): Principal {
  const { description: _d, ...p } = personas[persona];
  return { ...p, scopes: [...new Set([...p.scopes, ...extraScopes])], sub: `${p.sub!.replace(/-\d+$/, '')}-bench-${n}` } as Principal;
}

export function partnerPrincipal(organizationId: string, n: number): Principal {
  return { kind: 'PARTNER', sub: `${organizationId}:bench-${n}`, organizationId, scopes: [] };
}

const cache = new Map<string, Promise<string>>();
/** A signed token (8 hours) for the principal; the same principal gets the same token. */
export function tokenFor(principal: Principal): Promise<string> {
  const key = JSON.stringify(principal);
  if (!cache.has(key)) cache.set(key, loadDevIssuerKeys().then(({ privateJwk }) => signDevToken(privateJwk, principal, 8 * 3600)));
  return cache.get(key)!;
}
