// The callers the access tests ask as (docs/access.md "Principals"), beside the kit's TEST_PRINCIPAL
// (cisa:analyst-1, the author of the demo products, with every scope). Test-only: nothing imports it
// outside *.test.ts files.
import type { Principal } from '@iag/kit';
import { TEST_PRINCIPAL } from '@iag/kit/testing';

export const personas = {
  anonymous: { kind: 'ANONYMOUS', scopes: [] },
  partnerNl: { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] },
  partnerDe: { kind: 'PARTNER', sub: 'de-cert-bund:analyst-2', organizationId: 'de-cert-bund', scopes: [] },
  dhsAnalyst: { kind: 'US_GOVERNMENT', sub: 'dhs:coordinator-1', agency: 'DHS', scopes: ['dependencies:read'] },
  dhsAuditor: { kind: 'US_GOVERNMENT', sub: 'dhs:auditor-1', agency: 'DHS', scopes: ['audit:read'] },
  cisaNoScopes: { kind: 'US_GOVERNMENT', sub: 'cisa:analyst-9', agency: 'CISA', scopes: [] },
  testPrincipal: TEST_PRINCIPAL,
} satisfies Record<string, Principal>;

export type PersonaName = keyof typeof personas;
