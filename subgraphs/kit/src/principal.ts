/** Who is asking. Built from a verified token at the gateway; anonymous when there is none. */
export type PrincipalKind = 'ANONYMOUS' | 'US_GOVERNMENT' | 'PARTNER';

export interface Principal {
  kind: PrincipalKind;
  sub?: string;
  agency?: string;
  organizationId?: string;
  scopes: readonly string[];
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'ANONYMOUS', scopes: Object.freeze([]) });
