import { createSubgraphServer, type SubgraphDeps } from '@iag/kit';
import type { PartnersSchema } from './db/schema';
import { buildPartnersSchema } from './schema';

/** Builds the Partners subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: SubgraphDeps<PartnersSchema>) {
  return createSubgraphServer({ name: 'partners', schema: await buildPartnersSchema(), ...deps });
}
