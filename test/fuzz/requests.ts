// Generators of malformed requests. Every case is wrong in at least one way that no server may
// accept (a syntax error, a wrong variable type, a broken mutation input, an unreadable body...),
// then decorated with noise (unicode, NUL bytes, junk extensions, long headers), so that "every
// answer is an error" is a fair oracle: a 200 with data and no errors means a case got through.
// The kinds: GraphQL defects (graphql-defects.ts) sent by POST or GET (graphql-requests.ts), and
// HTTP and protocol defects (http-requests.ts). This index mixes them.
import type { FuzzCase, TargetSpec } from './cases';
import { getCase, graphqlCase } from './graphql-requests';
import { httpCase, protocolCase } from './http-requests';
import type { Random } from './prng';

export type { FuzzCase, TargetSpec } from './cases';
export { MUTATIONS, READS, type MutationSample } from './mutations';
export { weirdText } from './text';

/** `count` cases for a target, reproducible from the generator's seed. */
export function generateCases(rng: Random, target: TargetSpec, count: number): FuzzCase[] {
  return Array.from({ length: count }, () => {
    const r = rng.fork();
    const roll = r.float();
    if (roll < 0.55) return graphqlCase(r, target);
    if (roll < 0.65) return getCase(r, target);
    if (roll < 0.93) return httpCase(r, target);
    return protocolCase(r, target);
  });
}
