import { fileURLToPath } from 'node:url';
import type { SubgraphMain } from '@iag/kit';
import { schema, type StateSchema } from './db/schema';
import { buildStateSchema } from './schema';
import { seedState } from './seed';
import { createServer } from './server';

/** How the State subgraph starts: used by its entry file and by tests. */
export const stateMain: SubgraphMain<StateSchema> = {
  name: 'state',
  defaultPort: 4003,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  buildSchema: buildStateSchema,
  seed: (database, options) => seedState(database.db, options),
  createServer,
};
