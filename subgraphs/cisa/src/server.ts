import { createSubgraphServer, type SubgraphDeps } from '@iag/kit';
import type { CisaSchema } from './db/schema';
import { buildCisaSchema } from './schema';

/** Builds the CISA subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: SubgraphDeps<CisaSchema>) {
  return createSubgraphServer({ name: 'cisa', schema: await buildCisaSchema(), ...deps });
}
