import { createSubgraphServer, type Database, type Logger } from '@iag/kit';
import type { StateSchema } from './db/schema';
import { buildStateSchema } from './schema';

/** Builds the State subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: { database: Database<StateSchema>; logger: Logger }) {
  return createSubgraphServer({ name: 'state', schema: await buildStateSchema(), ...deps });
}
