import { fileURLToPath } from 'node:url';
import type { SubgraphMain } from '@iag/kit';
import { schema, type CisaSchema } from './db/schema';
import { seedInfrastructure } from './infrastructure';
import { DEMO_RISK_AS_OF, seedRisk } from './risk/risk.seed';
import { buildCisaSchema } from './schema';
import { createServer } from './server';
import { seedThreatIntel } from './threat-intel';

/** How the CISA subgraph starts: used by its entry file and by tests. */
export const cisaMain: SubgraphMain<CisaSchema> = {
  name: 'cisa',
  defaultPort: 4001,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  buildSchema: buildCisaSchema,
  seed: async (database, options) => ({
    ...(await seedInfrastructure(database, options)),
    ...(await seedThreatIntel(database, options)),
    // Last: a dependency's score reads its asset's KEV links and the threat products seeded above.
    risk: await seedRisk(database, DEMO_RISK_AS_OF),
  }),
  createServer,
};
