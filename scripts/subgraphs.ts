import type { SubgraphMain } from '@iag/kit';

/**
 * The subgraphs of the hub, in start order. `pnpm compose` and `pnpm start` read this list;
 * `pnpm new-subgraph` appends to it. The gateway needs none of it: it reads the supergraph.
 */
export interface RegisteredSubgraph {
  name: string;
  port: number;
  load: () => Promise<SubgraphMain<any>>;
}

export const subgraphs: RegisteredSubgraph[] = [
  { name: 'cisa', port: 4001, load: async () => (await import('../subgraphs/cisa/src/main')).cisaMain },
  { name: 'dhs', port: 4002, load: async () => (await import('../subgraphs/dhs/src/main')).dhsMain },
  { name: 'state', port: 4003, load: async () => (await import('../subgraphs/state/src/main')).stateMain },
  { name: 'partners', port: 4004, load: async () => (await import('../subgraphs/partners/src/main')).partnersMain },
  // new-subgraph appends here
];
