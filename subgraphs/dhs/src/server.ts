import { createSubgraphServer, type SubgraphDeps } from '@iag/kit';
import type { DhsSchema } from './db/schema';
import { buildDhsSchema } from './schema';

/** Builds the DHS subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: SubgraphDeps<DhsSchema>) {
  return createSubgraphServer({ name: 'dhs', schema: await buildDhsSchema(), ...deps });
}
