import type { Coupling, Priority, Substitutability } from './dependency.type';

// How much of an asset's loss reaches the US function when another asset can stand in: with no
// substitute all of it does; with ready substitutes most of it is absorbed by switching over.
const SUBSTITUTION_EXPOSURE: Record<`${Substitutability}`, number> = { NONE: 1, LOW: 0.8, MEDIUM: 0.55, HIGH: 0.3 };

// A tightly coupled failure propagates before anyone can react; a loose one leaves time (stocks,
// reserves, rerouting), which we count as removing about a third of the impact.
const COUPLING_EXPOSURE: Record<`${Coupling}`, number> = { TIGHT: 1, LOOSE: 0.7 };

/**
 * Risk score, 0-100: the impact if the asset fails (criticality 1-5, as a fifth of the scale each)
 * times the share of that impact that reaches the function, given substitutes and coupling:
 *
 *   riskScore = 100 * criticality / 5 * substitutionExposure * couplingExposure
 *
 * e.g. criticality 5, no substitute, tight coupling = 100; criticality 3, medium substitutability,
 * loose coupling = 23.1. Rounded to one decimal, which the `real` column stores exactly enough.
 */
export function riskScore(
  criticality: number,
  substitutability: `${Substitutability}`,
  coupling: `${Coupling}`,
): number {
  if (!Number.isInteger(criticality) || criticality < 1 || criticality > 5) {
    throw new RangeError(`criticality must be an integer from 1 to 5, got ${criticality}`);
  }
  const raw = ((100 * criticality) / 5) * SUBSTITUTION_EXPOSURE[substitutability] * COUPLING_EXPOSURE[coupling];
  return Math.round(raw * 10) / 10;
}

/** The priority band of a score: CRITICAL from 70, HIGH from 45, MEDIUM from 25, LOW below. */
export function priorityOf(score: number): `${Priority}` {
  if (score >= 70) return 'CRITICAL';
  if (score >= 45) return 'HIGH';
  if (score >= 25) return 'MEDIUM';
  return 'LOW';
}
