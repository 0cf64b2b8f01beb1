import { asc, desc, type SQL } from '@iag/kit/orm';
import { registerEnumType } from 'type-graphql';
import { dependencies } from '../db/schema';

export enum DependencyOrder {
  RISK_DESC = 'RISK_DESC',
  CRITICALITY_DESC = 'CRITICALITY_DESC',
}
registerEnumType(DependencyOrder, {
  name: 'DependencyOrder',
  valuesConfig: {
    RISK_DESC: { description: 'Highest risk score first.' },
    CRITICALITY_DESC: { description: 'Highest criticality first, then highest risk score.' },
  },
});

/** ORDER BY terms for an ordering; the id last makes the order total, so offset pages never overlap. */
export function dependencyOrderBy(order: DependencyOrder | null | undefined): SQL[] {
  if (order === DependencyOrder.CRITICALITY_DESC) {
    return [desc(dependencies.criticality), desc(dependencies.riskScore), asc(dependencies.id)];
  }
  return [desc(dependencies.riskScore), asc(dependencies.id)];
}
