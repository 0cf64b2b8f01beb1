import { createSubgraphServer, type SubgraphDeps, type SubgraphServer } from '@iag/kit';
import type { CisaSchema } from './db/schema';
import { parseDisseminationConfig } from './dissemination/config';
import { createDispatcher, type Dispatcher } from './dissemination/dispatcher';
import { registerDisseminationMetrics } from './dissemination/dissemination.metrics';
import { createMaturityClient } from './risk/maturity.client';
import { registerMaturitySource } from './risk/reassess';
import { createReassessJob, FIRST_RUN_SECONDS, parseReassessSeconds } from './risk/reassess.job';
import { buildCisaSchema } from './schema';

/**
 * Builds the CISA subgraph service; starts nothing. `listen()` starts the dissemination dispatcher
 * and the periodic risk reassessment once the server listens; `close()` stops them (waiting for the
 * work in flight) before the server and the database close. Their settings are read from `deps.env`
 * here, once.
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
  // Risk reassessment reads maturity from Partners with the same service key and URL (docs/risk.md).
  registerMaturitySource(
    deps.database.db,
    config ? { fetch: await createMaturityClient(config) } : { unavailable: 'Partners is not configured (PARTNERS_URL, DISSEMINATION_JWT_PRIVATE_KEY)' },
  );
  const reassessJob = createReassessJob({
    database: deps.database,
    logger: deps.logger,
    seconds: parseReassessSeconds(env, deps.logger),
    firstRunSeconds: config ? FIRST_RUN_SECONDS : undefined,
  });
  return {
    name: server.name,
    sdl: server.sdl,
    async listen(port, host) {
      const listening = await server.listen(port, host);
      dispatcher?.start();
      reassessJob.start();
      return listening;
    },
    async close() {
      await dispatcher?.stop();
      await reassessJob.stop();
      await server.close();
    },
  };
}
