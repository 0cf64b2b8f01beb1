import { describe, expect, it } from 'vitest';
import { OptionsError, parseOptions, SCENARIO_NAMES } from './options';

describe('parseOptions', () => {
  it('has the documented defaults', () => {
    expect(parseOptions([])).toEqual({
      scale: 1000, duration: 10, warmup: 3, connections: 16, scenarios: [...SCENARIO_NAMES],
      peer: undefined, rounds: 1, floor: true, url: undefined, out: 'bench/results', help: false,
    });
  });
  it('reads every option', () => {
    const o = parseOptions(['--scale', '100000', '--duration', '5', '--warmup', '0', '--connections', '8', '--scenarios', 'deliveries,country-brief', '--peer', 'hive', '--rounds', '3', '--no-floor', '--out', '/tmp/x']);
    expect(o).toMatchObject({ scale: 100000, duration: 5, warmup: 0, connections: 8, scenarios: ['deliveries', 'country-brief'], peer: 'hive', rounds: 3, floor: false, out: '/tmp/x' });
  });
  it.each([
    [['--scale', '0'], /--scale must be a whole number/],
    [['--duration', '1.5'], /--duration must be a whole number/],
    [['--connections', 'many'], /--connections/],
    [['--scenarios', 'country-brief,nope'], /unknown: nope/],
    [['--peer', 'router'], /--peer must be "hive"/],
    [['--url', 'localhost:4000'], /--url must be an http/],
    [['--url', 'http://127.0.0.1:4000/graphql', '--peer', 'hive'], /cannot be combined/],
    [['--frobnicate'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(OptionsError);
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
