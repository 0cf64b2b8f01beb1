// Every number of the risk model, in one place (docs/risk.md explains them). A dependency's score is
//
//   score = sum over factors of RISK_WEIGHTS[factor] * value(factor),   value in [0, 1]
//
// and the weights add up to 100, so the score stays on the 0-100 scale the priority bands and the
// `dependencies_risk_range` check were written for. Change a weight here and the next
// reassessment (mutation, periodic job) rescores every dependency, with a history row for each change.
import type { Coupling, Substitutability } from '../dependency/dependency.type';

export enum RiskFactorKind {
  CRITICALITY = 'CRITICALITY',
  SUBSTITUTABILITY = 'SUBSTITUTABILITY',
  COUPLING = 'COUPLING',
  SINGLE_POINT_OF_FAILURE = 'SINGLE_POINT_OF_FAILURE',
  KEV_EXPOSURE = 'KEV_EXPOSURE',
  RECENT_THREATS = 'RECENT_THREATS',
  OPERATOR_MATURITY = 'OPERATOR_MATURITY',
}

/**
 * Points each factor can add at most. The analyst's own judgement of the dependency (criticality,
 * substitutability, coupling: 50 points) still weighs as much as everything measured from data
 * (cascades, exploited vulnerabilities, threat reporting, operator maturity: 50 points), so a
 * dependency nobody has reported on is not ranked low merely for lack of data.
 */
export const RISK_WEIGHTS: Record<RiskFactorKind, number> = {
  // Impact on the US function if the asset fails: the single largest driver.
  CRITICALITY: 25,
  // Without a substitute the whole impact lands; with ready ones most is absorbed by switching over.
  SUBSTITUTABILITY: 15,
  // Tight coupling leaves no time to react; loose coupling buys it (stocks, reserves, rerouting).
  COUPLING: 10,
  // An asset whose failure takes others down with it multiplies the impact.
  SINGLE_POINT_OF_FAILURE: 15,
  // Vulnerabilities known to be exploited in the wild on the asset's technology: likelihood.
  KEV_EXPOSURE: 15,
  // Recent reporting on this sector in this country: someone is active there now.
  RECENT_THREATS: 10,
  // A less mature operator detects and recovers worse; a smaller share, as it is self-reported in part.
  OPERATOR_MATURITY: 10,
};

/** Exposure left by each substitutability: NONE keeps all of it, HIGH a tenth. */
export const SUBSTITUTABILITY_VALUE: Record<`${Substitutability}`, number> = { NONE: 1, LOW: 0.7, MEDIUM: 0.4, HIGH: 0.1 };

/** Loose coupling still propagates, later: 0.3 rather than 0. */
export const COUPLING_VALUE: Record<`${Coupling}`, number> = { TIGHT: 1, LOOSE: 0.3 };

/** Assets failing with it at which the cascade counts fully: 5 (value = min(1, cascade / 5)). */
export const CASCADE_FULL_AT = 5;
/**
 * With no substitute, any cascade at all makes the asset a single point of failure: the value is at
 * least this, however small the cascade.
 */
export const NO_SUBSTITUTE_CASCADE_FLOOR = 0.6;

/**
 * Exploited vulnerabilities at which exposure counts fully. The value grows with the logarithm of
 * the count, log2(1 + n) / log2(1 + KEV_FULL_AT): a widely deployed product line matches dozens of
 * catalog entries (the demo assets have 1 to 41), and a linear scale that saturated at 3 gave
 * almost every asset the full 15 points, which told analysts nothing. One entry gives 0.19, 8 give
 * 0.59, 20 give 0.82, 40 or more give 1.
 */
export const KEV_FULL_AT = 40;
/** Added to the value (up to 1) when any linked entry is known to be used in ransomware campaigns. */
export const KEV_RANSOMWARE_BONUS = 0.1;
/** How many CVE ids the factor's detail names. */
export const KEV_DETAIL_IDS = 3;

/** How far back published threat products count, in days. */
export const RECENT_THREAT_DAYS = 90;
/** Recent products (sector and country both matching) at which the factor counts fully (min(1, n / 2)). */
export const RECENT_THREATS_FULL_AT = 2;

/** Highest maturity level (5, optimizing) gives 0, lowest (1, initial) gives 1: value = (5 - level) / 4. */
export const MATURITY_MAX_LEVEL = 5;
/** Unknown operator or no assessment: unknown counts as middling, neither rewarded nor punished. */
export const UNKNOWN_MATURITY_VALUE = 0.5;

/** Sanity check at import: the scale is 0-100 only if the weights add up to 100. */
const total = Object.values(RISK_WEIGHTS).reduce((sum, w) => sum + w, 0);
if (total !== 100) throw new Error(`RISK_WEIGHTS must add up to 100, got ${total}`);
