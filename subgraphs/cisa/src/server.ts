import { createSubgraphServer, type Database, type Logger } from '@iag/kit';
import type { CisaSchema } from './db/schema';
import { buildCisaSchema } from './schema';

/** Builds the CISA subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: { database: Database<CisaSchema>; logger: Logger }) {
  return createSubgraphServer({ name: 'cisa', schema: await buildCisaSchema(), ...deps });
}
