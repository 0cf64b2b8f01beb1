import { describe, expect, it } from 'vitest';
import { stagesOf } from './floor-whole';

const f = (name: string, startedAt: number, endedAt: number) => ({ name, startedAt, endedAt });

describe('stagesOf', () => {
  it('keeps fetches sent before any answer together, and starts a stage after an answer', () => {
    // A query plan of Sequence[cisa, Parallel[dhs, state, partners]], captured out of order.
    const fetches = [f('state', 12, 20), f('cisa', 0, 10), f('partners', 11, 30), f('dhs', 11, 15)];
    expect(stagesOf(fetches).map((s) => s.map((x) => x.name).sort())).toEqual([['cisa'], ['dhs', 'partners', 'state']]);
  });

  it('makes a fetch sent after its sibling answered a later stage, as the plan waited for it', () => {
    const fetches = [f('cisa', 0, 10), f('dhs', 1, 4), f('partners', 5, 9), f('state', 11, 12)];
    expect(stagesOf(fetches).map((s) => s.map((x) => x.name))).toEqual([['cisa', 'dhs'], ['partners'], ['state']]);
  });

  it('has no stage for a request that fetched nothing', () => {
    expect(stagesOf([])).toEqual([]);
  });
});
