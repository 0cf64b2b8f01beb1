import { describe, expect, it } from 'vitest';
import { computeRisk, priorityOf, provisionalRisk, type RiskInputs } from './risk.factors';
import { RISK_WEIGHTS } from './risk.weights';

const base: RiskInputs = {
  criticality: 3,
  substitutability: 'MEDIUM',
  coupling: 'LOOSE',
  cascade: 0,
  kevCount: 0,
  kevIds: [],
  kevRansomware: false,
  recentThreats: 0,
  sectorCode: 'ENERGY',
  countryCode: 'NL',
  operatorId: 'nl-op',
  maturity: { level: 3, assessedOn: '2026-05-01' },
};
const contribution = (i: Partial<RiskInputs>, factor: string) =>
  computeRisk({ ...base, ...i }).factors.find((f) => f.factor === factor)!.contribution;

describe('computeRisk', () => {
  it('has weights adding up to 100, and the worst case scores 100', () => {
    expect(Object.values(RISK_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const worst = computeRisk({ ...base, criticality: 5, substitutability: 'NONE', coupling: 'TIGHT', cascade: 9, kevCount: 40, recentThreats: 5, maturity: { level: 1, assessedOn: '2026-01-01' } });
    expect(worst.score).toBe(100);
    expect(worst.priority).toBe('CRITICAL');
  });

  it('lists contributions that add up exactly to the score', () => {
    const r = computeRisk({ ...base, cascade: 1, kevCount: 1, recentThreats: 1 });
    expect(r.factors.map((f) => f.factor)).toEqual(Object.keys(RISK_WEIGHTS));
    expect(r.score).toBe(Math.round(r.factors.reduce((s, f) => s + f.contribution, 0) * 10) / 10);
    // 15 + 6 + 3 + 3 + 2.8 + 5 + 5
    expect(r.score).toBe(39.8);
  });

  it('moves each factor with its input', () => {
    expect(contribution({ criticality: 5 }, 'CRITICALITY')).toBe(25);
    expect(contribution({ criticality: 1 }, 'CRITICALITY')).toBe(5);
    expect(['NONE', 'LOW', 'MEDIUM', 'HIGH'].map((s) => contribution({ substitutability: s as never }, 'SUBSTITUTABILITY'))).toEqual([15, 10.5, 6, 1.5]);
    expect(contribution({ coupling: 'TIGHT' }, 'COUPLING')).toBe(10);
    expect(contribution({ coupling: 'LOOSE' }, 'COUPLING')).toBe(3);
    expect([0, 1, 5, 8].map((cascade) => contribution({ cascade }, 'SINGLE_POINT_OF_FAILURE'))).toEqual([0, 3, 15, 15]);
    // No substitute: any cascade is a single point of failure, at least 0.6.
    expect(contribution({ cascade: 1, substitutability: 'NONE' }, 'SINGLE_POINT_OF_FAILURE')).toBe(9);
    expect(contribution({ cascade: 0, substitutability: 'NONE' }, 'SINGLE_POINT_OF_FAILURE')).toBe(0);
    // Logarithmic in the count (a product line matches dozens of entries), full from 40 on.
    expect([0, 1, 3, 8, 20, 40, 100].map((kevCount) => contribution({ kevCount }, 'KEV_EXPOSURE'))).toEqual([0, 2.8, 5.6, 8.9, 12.3, 15, 15]);
    // Ransomware use adds 0.1 to the value, up to 1.
    expect(contribution({ kevCount: 1, kevRansomware: true }, 'KEV_EXPOSURE')).toBe(4.3);
    expect(contribution({ kevCount: 40, kevRansomware: true }, 'KEV_EXPOSURE')).toBe(15);
    expect([0, 1, 2, 3].map((recentThreats) => contribution({ recentThreats }, 'RECENT_THREATS'))).toEqual([0, 5, 10, 10]);
    expect([1, 2, 3, 4, 5].map((level) => contribution({ maturity: { level, assessedOn: '2026-01-01' } }, 'OPERATOR_MATURITY'))).toEqual([10, 7.5, 5, 2.5, 0]);
    expect(contribution({ maturity: null }, 'OPERATOR_MATURITY')).toBe(5);
    expect(contribution({ operatorId: null }, 'OPERATOR_MATURITY')).toBe(5);
    expect(contribution({ maturity: { level: null, assessedOn: null } }, 'OPERATOR_MATURITY')).toBe(5);
  });

  it('says where each value comes from', () => {
    const r = computeRisk({ ...base, cascade: 2, kevCount: 4, kevIds: ['CVE-1', 'CVE-2', 'CVE-3'], kevRansomware: true, recentThreats: 1 });
    const detail = Object.fromEntries(r.factors.map((f) => [f.factor, f.detail]));
    expect(detail.SINGLE_POINT_OF_FAILURE).toBe('2 other assets fail with it through tight links');
    expect(detail.KEV_EXPOSURE).toBe('4 Known Exploited Vulnerabilities on the asset (CVE-1, CVE-2, CVE-3, ...); used in ransomware campaigns');
    expect(detail.RECENT_THREATS).toBe('1 published threat product on ENERGY in NL in the last 90 days');
    expect(detail.OPERATOR_MATURITY).toBe('operator nl-op at maturity level 3 of 5 (assessed 2026-05-01)');
    expect(computeRisk({ ...base, operatorId: null }).factors[6].detail).toBe('no operator recorded for the asset: unknown counts as middling');
  });

  it('refuses a criticality outside 1-5', () => {
    for (const criticality of [0, 6, 2.5]) expect(() => computeRisk({ ...base, criticality })).toThrow(RangeError);
  });

  it('gives a provisional score from the locally known factors only', () => {
    expect(provisionalRisk({ criticality: 5, substitutability: 'NONE', coupling: 'TIGHT' })).toEqual({ riskScore: 50, priority: 'HIGH' });
  });
});

describe('priorityOf', () => {
  it('bands scores at 70, 45 and 25', () => {
    expect([100, 70, 69.9, 45, 44.9, 25, 24.9, 0].map(priorityOf)).toEqual(['CRITICAL', 'CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW']);
  });
});
