import { BadUserInputError } from '@iag/kit';
import { and, eq, gte, inArray, type SQL } from '@iag/kit/orm';
import { dependencies } from '../db/schema';
import type { DependenciesArgs } from './dependency.args';
import { DependencyStatus } from './dependency.type';

export type DependencyFilter = Pick<
  DependenciesArgs,
  'country' | 'sector' | 'function' | 'asset' | 'minCriticality' | 'status' | 'substitutability'
>;

/**
 * The WHERE clause of a dependency list. Checks the arguments first, so a bad one is refused with
 * BAD_USER_INPUT before any SQL runs. A missing status means ACTIVE: retired dependencies are kept
 * for the record but are not part of the current picture.
 */
export function dependencyWhere(filter: DependencyFilter): SQL | undefined {
  const min = filter.minCriticality;
  if (min != null && (!Number.isInteger(min) || min < 1 || min > 5)) {
    throw new BadUserInputError('`minCriticality` must be between 1 and 5', 'minCriticality');
  }
  return and(
    eq(dependencies.status, filter.status ?? DependencyStatus.ACTIVE),
    filter.country ? eq(dependencies.countryCode, filter.country.toUpperCase()) : undefined,
    filter.sector ? eq(dependencies.sectorCode, filter.sector) : undefined,
    filter.function ? eq(dependencies.functionCode, filter.function) : undefined,
    filter.asset ? eq(dependencies.assetId, filter.asset) : undefined,
    min != null ? gte(dependencies.criticality, min) : undefined,
    // An empty list asks for nothing in particular, as an absent one does.
    filter.substitutability?.length ? inArray(dependencies.substitutability, filter.substitutability) : undefined,
  );
}
