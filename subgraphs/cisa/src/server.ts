import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from '@iag/kit';
import type { CisaSchema } from './db/schema';
import { parseDisseminationConfig } from './dissemination/config';
import { createDispatcher, type Dispatcher } from './dissemination/dispatcher';
import { registerDisseminationMetrics } from './dissemination/dissemination.metrics';
import { buildCisaSchema } from './schema';

/**
 * Builds the CISA subgraph service; starts nothing. `listen()` starts the dissemination dispatcher
 * once the server listens; `close()` stops it (waiting for the batch in flight) before the server
 * and the database close. The dispatcher's settings are read from `deps.env` here, once.
 */
export async function createServer(deps: SubgraphDeps<CisaSchema>): Promise<SubgraphServer> {
  const { env, ...serverDeps } = deps;
  const server = await createSubgraphServer({
    name: 'cisa',
    schema: await buildCisaSchema(),
    ...serverDeps,
    registerMetrics: (registry) => registerDisseminationMetrics(registry, deps.database.db, deps.logger),
  });
  const config = parseDisseminationConfig(env, deps.logger);
  const dispatcher: Dispatcher | undefined = config
    ? await createDispatcher({ database: deps.database, logger: deps.logger, config })
    : undefined;
  return {
    name: server.name,
    sdl: server.sdl,
    async listen(port, host) {
      const listening = await server.listen(port, host);
      dispatcher?.start();
      return listening;
    },
    async close() {
      await dispatcher?.stop();
      await server.close();
    },
  };
}
