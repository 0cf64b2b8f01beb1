// A seeded PRNG, so that a failing fuzz run can be replayed exactly: FUZZ_SEED=<printed seed>.

/** mulberry32: 32 bits of state, good enough spread for picking test cases, and tiny. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** A new generator derived from this one, so one case's draws do not shift the next case's. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 2 ** 32));
  }
}

/**
 * A fixed seed by default, so that CI answers the same for the same code; `FUZZ_SEED=random`
 * explores new cases (the seed is printed to replay one), `FUZZ_SEED=<n>` replays.
 */
export const DEFAULT_FUZZ_SEED = 4058122956;

/** The seed of this run (printed by the test to replay it). */
export function fuzzSeed(env: Record<string, string | undefined>): number {
  const given = env.FUZZ_SEED;
  if (given === undefined || given === '') return DEFAULT_FUZZ_SEED;
  if (given !== 'random') {
    const n = Number(given);
    if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(given)}`);
    return n >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32);
}
