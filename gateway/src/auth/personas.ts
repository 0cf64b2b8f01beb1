import type { Principal } from '@iag/kit/auth';

/**
 * Development personas: who the demo data is written for. Partner subjects and organizations
 * match docs/demo-data.md (the RED products name these individuals).
 */
export const personas: Record<string, Principal & { description: string }> = {
  'cisa-analyst': {
    kind: 'US_GOVERNMENT',
    sub: 'cisa:analyst-1',
    agency: 'CISA',
    scopes: [
      'dependencies:read',
      'infrastructure:write',
      'maturity:read',
      'maturity:write',
      'deliveries:read',
      'threat-products:write',
      'threat-products:publish',
      'audit:read',
      'kev:import',
    ],
    description: 'CISA analyst: dependencies, risk, maturity, all products the agency may see',
  },
  'dhs-coordinator': {
    kind: 'US_GOVERNMENT',
    sub: 'dhs:coordinator-1',
    agency: 'DHS',
    scopes: ['engagements:write', 'dependencies:read', 'deliveries:read', 'audit:read'],
    description: 'DHS international coordinator: the engagement register',
  },
  'state-officer': {
    kind: 'US_GOVERNMENT',
    sub: 'state:officer-1',
    agency: 'STATE',
    scopes: ['organizations:write', 'agreements:write', 'audit:read'],
    description: 'State Department officer: organizations and agreements',
  },
  'partner-nl': {
    kind: 'PARTNER',
    sub: 'nl-ncsc:duty-officer',
    organizationId: 'nl-ncsc',
    scopes: [],
    description: 'Duty officer at NCSC-NL, the national CSIRT of the Netherlands',
  },
  'partner-de': {
    kind: 'PARTNER',
    sub: 'de-cert-bund:analyst-2',
    organizationId: 'de-cert-bund',
    scopes: [],
    description: 'Analyst at CERT-Bund, the national CSIRT of Germany',
  },
  anonymous: { kind: 'ANONYMOUS', scopes: [], description: 'No token: public reference data and TLP:CLEAR products' },
};
