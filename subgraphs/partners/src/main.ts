import { fileURLToPath } from 'node:url';
import type { SubgraphMain } from '@iag/kit';
import { schema, type PartnersSchema } from './db/schema';
import { buildPartnersSchema } from './schema';
import { seedPartners } from './seed';
import { createServer } from './server';

/** How the Partners subgraph starts: used by its entry file and by tests. */
export const partnersMain: SubgraphMain<PartnersSchema> = {
  name: 'partners',
  defaultPort: 4004,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  buildSchema: buildPartnersSchema,
  seed: (database, options) => seedPartners(database.db, options),
  createServer,
};
