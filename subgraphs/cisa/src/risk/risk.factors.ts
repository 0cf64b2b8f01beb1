// The risk model itself, pure: a dependency's inputs in, its factors and score out. The weights and
// value tables are in risk.weights.ts; where the inputs come from is risk.inputs.ts.
import type { Coupling, Priority, Substitutability } from '../dependency/dependency.type';
import {
  CASCADE_FULL_AT,
  COUPLING_VALUE,
  KEV_DETAIL_IDS,
  KEV_FULL_AT,
  KEV_RANSOMWARE_BONUS,
  MATURITY_MAX_LEVEL,
  NO_SUBSTITUTE_CASCADE_FLOOR,
  RECENT_THREAT_DAYS,
  RECENT_THREATS_FULL_AT,
  RISK_WEIGHTS,
  RiskFactorKind,
  SUBSTITUTABILITY_VALUE,
  UNKNOWN_MATURITY_VALUE,
} from './risk.weights';

/** Everything the score of one dependency depends on. */
export interface RiskInputs {
  criticality: number;
  substitutability: `${Substitutability}`;
  coupling: `${Coupling}`;
  /** Other assets that fail with the dependency's asset through tight links (impact analysis). */
  cascade: number;
  /** Known Exploited Vulnerabilities linked to the asset, newest first (only the first few are named). */
  kevCount: number;
  kevIds: readonly string[];
  kevRansomware: boolean;
  /** Published threat products of the last RECENT_THREAT_DAYS on the dependency's sector and country. */
  recentThreats: number;
  sectorCode: string;
  countryCode: string;
  /** The asset's operator (a State Organization id) and CISA's copy of its maturity. */
  operatorId: string | null;
  maturity: { level: number | null; assessedOn: string | null } | null;
}

/** One factor's part of the score, as stored in `risk_factors` and served as `RiskFactor`. */
export interface RiskFactorValue {
  factor: `${RiskFactorKind}`;
  weight: number;
  value: number;
  contribution: number;
  detail: string;
}

export interface RiskResult {
  score: number;
  priority: `${Priority}`;
  factors: RiskFactorValue[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
// Values keep three decimals: enough to recompute the contribution, short enough to read.
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function factor(kind: RiskFactorKind, value: number, detail: string): RiskFactorValue {
  const weight = RISK_WEIGHTS[kind];
  // Each contribution is rounded on its own so that the listed contributions add up exactly to the score.
  // ...and from the value as shown, so that weight x value is the contribution for the reader too.
  const shown = round3(value);
  return { factor: kind, weight, value: shown, contribution: round1(weight * shown), detail };
}

function singlePointOfFailure(i: RiskInputs): RiskFactorValue {
  let value = Math.min(1, i.cascade / CASCADE_FULL_AT);
  const floored = i.substitutability === 'NONE' && i.cascade > 0 && value < NO_SUBSTITUTE_CASCADE_FLOOR;
  if (floored) value = NO_SUBSTITUTE_CASCADE_FLOOR;
  const detail =
    i.cascade === 0
      ? 'no other asset fails with it through tight links'
      : `${plural(i.cascade, 'other asset')} ${i.cascade === 1 ? 'fails' : 'fail'} with it through tight links` +
        (floored ? '; no substitute, so counted as a single point of failure' : '');
  return factor(RiskFactorKind.SINGLE_POINT_OF_FAILURE, value, detail);
}

function kevExposure(i: RiskInputs): RiskFactorValue {
  const scaled = Math.min(1, Math.log2(1 + i.kevCount) / Math.log2(1 + KEV_FULL_AT));
  const value = Math.min(1, scaled + (i.kevRansomware ? KEV_RANSOMWARE_BONUS : 0));
  if (i.kevCount === 0) return factor(RiskFactorKind.KEV_EXPOSURE, 0, 'no Known Exploited Vulnerability linked to the asset');
  const named = i.kevIds.slice(0, KEV_DETAIL_IDS).join(', ') + (i.kevCount > KEV_DETAIL_IDS ? ', ...' : '');
  const detail =
    `${plural(i.kevCount, 'Known Exploited Vulnerability', 'Known Exploited Vulnerabilities')} on the asset (${named})` +
    (i.kevRansomware ? '; used in ransomware campaigns' : '');
  return factor(RiskFactorKind.KEV_EXPOSURE, value, detail);
}

function recentThreats(i: RiskInputs): RiskFactorValue {
  const value = Math.min(1, i.recentThreats / RECENT_THREATS_FULL_AT);
  const detail =
    `${plural(i.recentThreats, 'published threat product')} on ${i.sectorCode} in ${i.countryCode}` +
    ` in the last ${RECENT_THREAT_DAYS} days`;
  return factor(RiskFactorKind.RECENT_THREATS, value, detail);
}

function operatorMaturity(i: RiskInputs): RiskFactorValue {
  const unknown = (why: string) => factor(RiskFactorKind.OPERATOR_MATURITY, UNKNOWN_MATURITY_VALUE, `${why}: unknown counts as middling`);
  if (!i.operatorId) return unknown('no operator recorded for the asset');
  if (!i.maturity) return unknown(`maturity of operator ${i.operatorId} not yet fetched from Partners`);
  if (i.maturity.level == null) return unknown(`operator ${i.operatorId} has no maturity assessment`);
  const value = (MATURITY_MAX_LEVEL - i.maturity.level) / (MATURITY_MAX_LEVEL - 1);
  return factor(
    RiskFactorKind.OPERATOR_MATURITY,
    value,
    `operator ${i.operatorId} at maturity level ${i.maturity.level} of 5 (assessed ${i.maturity.assessedOn ?? 'on an unknown date'})`,
  );
}

/** The factors of one dependency, in a fixed order, and the score they add up to. */
export function computeRisk(i: RiskInputs): RiskResult {
  if (!Number.isInteger(i.criticality) || i.criticality < 1 || i.criticality > 5) {
    throw new RangeError(`criticality must be an integer from 1 to 5, got ${i.criticality}`);
  }
  const factors = [
    factor(RiskFactorKind.CRITICALITY, i.criticality / 5, `criticality ${i.criticality} of 5`),
    factor(RiskFactorKind.SUBSTITUTABILITY, SUBSTITUTABILITY_VALUE[i.substitutability], `substitutability ${i.substitutability}`),
    factor(RiskFactorKind.COUPLING, COUPLING_VALUE[i.coupling], `${i.coupling} coupling`),
    singlePointOfFailure(i),
    kevExposure(i),
    recentThreats(i),
    operatorMaturity(i),
  ];
  const score = round1(factors.reduce((sum, f) => sum + f.contribution, 0));
  return { score, priority: priorityOf(score), factors };
}

/**
 * The provisional score a new row is inserted with, from what is known locally (criticality,
 * substitutability, coupling; every measured factor at 0) until assessRisk, in the same
 * transaction or seed run, replaces it: `risk_score` is NOT NULL.
 */
export function provisionalRisk(d: Pick<RiskInputs, 'criticality' | 'substitutability' | 'coupling'>) {
  const { factors } = computeRisk({
    ...d,
    cascade: 0,
    kevCount: 0,
    kevIds: [],
    kevRansomware: false,
    recentThreats: 0,
    sectorCode: '',
    countryCode: '',
    operatorId: null,
    maturity: null,
  });
  const local: string[] = [RiskFactorKind.CRITICALITY, RiskFactorKind.SUBSTITUTABILITY, RiskFactorKind.COUPLING];
  const score = round1(factors.filter((f) => local.includes(f.factor)).reduce((sum, f) => sum + f.contribution, 0));
  return { riskScore: score, priority: priorityOf(score) };
}

/** The priority band of a score: CRITICAL from 70, HIGH from 45, MEDIUM from 25, LOW below. */
export function priorityOf(score: number): `${Priority}` {
  if (score >= 70) return 'CRITICAL';
  if (score >= 45) return 'HIGH';
  if (score >= 25) return 'MEDIUM';
  return 'LOW';
}

/** Whether two factor lists say the same thing (jsonb reorders keys, so compare field by field). */
export function sameFactors(a: readonly RiskFactorValue[], b: readonly RiskFactorValue[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, k) => {
      const g = b[k];
      return f.factor === g.factor && f.weight === g.weight && f.value === g.value && f.contribution === g.contribution && f.detail === g.detail;
    })
  );
}
