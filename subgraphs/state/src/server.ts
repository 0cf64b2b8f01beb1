import { createSubgraphServer, type SubgraphDeps } from '@iag/kit';
import type { StateSchema } from './db/schema';
import { buildStateSchema } from './schema';

/** Builds the State subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: SubgraphDeps<StateSchema>) {
  return createSubgraphServer({ name: 'state', schema: await buildStateSchema(), ...deps });
}
