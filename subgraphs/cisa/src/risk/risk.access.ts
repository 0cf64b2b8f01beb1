import { hasScope, type Principal } from '@iag/kit';
import type { RiskFactorValue } from './risk.factors';
import { RiskFactorKind } from './risk.weights';

export const MATURITY_SCOPE = 'maturity:read';

/**
 * The stored factors as a caller may see them: maturity is Partners' data, readable with
 * `maturity:read` only, so without it the maturity factor's detail names neither level nor date.
 */
export function visibleFactors(factors: unknown, principal: Principal): RiskFactorValue[] {
  const list = (factors ?? []) as RiskFactorValue[];
  if (hasScope(principal, MATURITY_SCOPE)) return list;
  return list.map((f) => (f.factor === RiskFactorKind.OPERATOR_MATURITY ? { ...f, detail: 'operator maturity: needs maturity:read' } : f));
}
