import { fileURLToPath } from 'node:url';
import type { SubgraphMain } from '@iag/kit';
import { schema, type DhsSchema } from './db/schema';
import { buildDhsSchema } from './schema';
import { seedDhs } from './seed';
import { createServer } from './server';

/** How the DHS subgraph starts: used by its entry file and by tests. */
export const dhsMain: SubgraphMain<DhsSchema> = {
  name: 'dhs',
  defaultPort: 4002,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  buildSchema: buildDhsSchema,
  seed: (database, options) => seedDhs(database.db, options),
  createServer,
};
