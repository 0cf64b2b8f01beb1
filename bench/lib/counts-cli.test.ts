import { describe, expect, it } from 'vitest';
import { readCounts } from './counts-cli';

describe('readCounts', () => {
  const defaults = { scale: 1000, runs: 3 };

  it('takes the defaults, and the values given', () => {
    expect(readCounts([], defaults)).toEqual({ scale: 1000, runs: 3 });
    expect(readCounts(['--scale', '100000', '--runs=5'], defaults)).toEqual({ scale: 100000, runs: 5 });
  });

  it('answers null for --help', () => {
    expect(readCounts(['--help'], defaults)).toBeNull();
  });

  it('names an option that is not a positive whole number, or unknown', () => {
    for (const bad of ['0', '-2', '1.5', 'many', '']) {
      expect(() => readCounts([`--runs=${bad}`], defaults)).toThrow(`--runs must be a positive integer, not "${bad}"`);
    }
    expect(() => readCounts(['--rounds', '2'], defaults)).toThrow(/rounds/);
  });
});
