import { createSubgraphServer, type Database, type Logger } from '@iag/kit';
import type { DhsSchema } from './db/schema';
import { buildDhsSchema } from './schema';

/** Builds the DHS subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: { database: Database<DhsSchema>; logger: Logger }) {
  return createSubgraphServer({ name: 'dhs', schema: await buildDhsSchema(), ...deps });
}
