// The plan of `pnpm seed --scale <n>`: how many rows of each kind, and the deterministic rules that
// let the four generators agree on cross-agency keys without reading each other's databases. Every
// fact about entity i is a pure function of i (and never of n), so a run with a larger n keeps every
// row a smaller n made and only adds the difference.

/** Row counts of the generated entities for scale n (the demo seed comes on top). */
export interface ScaleCounts {
  organizations: number;
  agreements: number;
  engagements: number;
  assets: number;
  dependencies: number;
  threatProducts: number;
  deliveries: number;
  sightings: number;
  maturityAssessments: number;
  /** Links between generated assets: see assetLinkCount. */
  assetLinks: number;
}

// Small n still makes a bit of everything, and enough partner organizations for audiences of 8.
const MINIMUM: Omit<ScaleCounts, 'assetLinks'> = {
  organizations: 25,
  agreements: 3,
  engagements: 5,
  assets: 5,
  dependencies: 10,
  threatProducts: 10,
  deliveries: 10,
  sightings: 5,
  maturityAssessments: 5,
};

// Entities per n: dependencies n, assets n/20, products n/10, deliveries ≈ n/2 (see plan-products).
const RATIO: Omit<ScaleCounts, 'deliveries' | 'assetLinks'> = {
  organizations: 50,
  agreements: 100,
  engagements: 20,
  assets: 20,
  dependencies: 1,
  threatProducts: 10,
  sightings: 5,
  maturityAssessments: 25,
};

export const MAX_SCALE = 1_000_000;

export function countOf(kind: keyof typeof RATIO, n: number): number {
  return Math.max(MINIMUM[kind], Math.floor(n / RATIO[kind]));
}

/**
 * Two links per generated asset, one to an asset below it and one from an asset below it, except
 * asset 0, which has nothing below it: about 10,000 links at n = 100,000.
 */
export function assetLinkCount(n: number): number {
  return 2 * (countOf('assets', n) - 1);
}

/**
 * How many entities of `target` kind exist whenever entity `index` of `source` kind exists: entity
 * i of a kind with ratio r exists only for n ≥ r(i+1), so the target has at least floor(r(i+1)/r')
 * rows then. Drawing references only below this bound keeps them valid for every n.
 */
export function poolFor(source: keyof typeof RATIO, index: number, target: keyof typeof RATIO): number {
  const fromRatio = Math.floor((RATIO[source] * (index + 1)) / RATIO[target]);
  // Below the source's own minimum the entity exists at any n, so only the target's minimum holds.
  return index < MINIMUM[source] ? MINIMUM[target] : Math.max(MINIMUM[target], fromRatio);
}

const pad = (i: number) => String(i).padStart(6, '0');
/** Generated ids: prefixed `sx-` so they never meet a demo id. */
export const ids = {
  organization: (i: number) => `sx-org-${pad(i)}`,
  agreement: (i: number) => `sx-agr-${pad(i)}`,
  engagement: (i: number) => `sx-eng-${pad(i)}`,
  asset: (i: number) => `sx-asset-${pad(i)}`,
  dependency: (i: number) => `sx-dep-${pad(i)}`,
  product: (i: number) => `sx-tp-${pad(i)}`,
  delivery: (product: number, slot: number) => `sx-dlv-${pad(product)}-${slot}`,
  sighting: (i: number) => `sx-sig-${pad(i)}`,
  maturity: (i: number) => `sx-mat-${pad(i)}`,
  assetLink: (i: number) => `sx-link-${pad(i)}`,
};

/**
 * A small seeded generator (mulberry32) for entity `index` of a kind (`salt`): the same numbers in
 * every process, whichever subgraph asks. Faker is seeded from `seedOf` for the names.
 */
export function seedOf(index: number, salt: number): number {
  let h = Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 7919, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct integers below `size` (fewer if size is smaller). */
  distinct(count: number, size: number): number[];
}

export function rng(index: number, salt: number): Rng {
  let state = seedOf(index, salt);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    distinct: (count, size) => {
      const chosen = new Set<number>();
      const want = Math.min(count, size);
      while (chosen.size < want) chosen.add(Math.floor(next() * size));
      return [...chosen];
    },
  };
}

/** Salts: one per kind of fact, so that two facts about entity i are independent. */
export const SALT = {
  organization: 1,
  agreement: 2,
  engagement: 3,
  asset: 4,
  dependency: 5,
  product: 6,
  sighting: 7,
  maturity: 8,
  name: 9,
  assetLink: 10,
} as const;

/** Fixed dates, so that two runs a day apart generate the same rows. */
export const EPOCH = Date.parse('2022-01-03T09:00:00Z');
export const NOW = Date.parse('2026-06-01T00:00:00Z');
export const DAY = 86_400_000;
