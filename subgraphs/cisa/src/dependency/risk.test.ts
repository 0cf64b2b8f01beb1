import { describe, expect, it } from 'vitest';
import { priorityOf, riskScore } from './risk';

describe('riskScore', () => {
  it('is 100 for a critical asset with no substitute and tight coupling', () => {
    expect(riskScore(5, 'NONE', 'TIGHT')).toBe(100);
  });

  it('scales with criticality and is damped by substitutes and loose coupling', () => {
    expect(riskScore(4, 'LOW', 'TIGHT')).toBe(64);
    expect(riskScore(3, 'MEDIUM', 'LOOSE')).toBe(23.1);
    expect(riskScore(1, 'HIGH', 'LOOSE')).toBe(4.2);
    expect(riskScore(5, 'HIGH', 'TIGHT')).toBeLessThan(riskScore(5, 'MEDIUM', 'TIGHT'));
    expect(riskScore(5, 'LOW', 'LOOSE')).toBeLessThan(riskScore(5, 'LOW', 'TIGHT'));
  });

  it('refuses a criticality outside 1-5', () => {
    expect(() => riskScore(0, 'LOW', 'TIGHT')).toThrow(RangeError);
    expect(() => riskScore(6, 'LOW', 'TIGHT')).toThrow(RangeError);
    expect(() => riskScore(2.5, 'LOW', 'TIGHT')).toThrow(RangeError);
  });
});

describe('priorityOf', () => {
  it('bands scores at 70, 45 and 25', () => {
    expect([100, 70, 69.9, 45, 44.9, 25, 24.9, 0].map(priorityOf)).toEqual([
      'CRITICAL',
      'CRITICAL',
      'HIGH',
      'HIGH',
      'MEDIUM',
      'MEDIUM',
      'LOW',
      'LOW',
    ]);
  });
});
