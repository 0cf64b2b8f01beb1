import { Counter, Gauge, type Registry } from '../http/metrics';
import type { Database } from './database';

/**
 * `db_statements_total` (the statement counter tests read, as a Prometheus counter) and
 * `db_pool_max_connections{driver}`, read from the database when scraped.
 */
export function registerDatabaseMetrics(registry: Registry, database: Pick<Database<never>, 'driver' | 'stats' | 'pool'>): void {
  let counted = 0;
  new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to the database since start',
    registers: [registry],
    collect() {
      this.inc(database.stats.statements - counted);
      counted = database.stats.statements;
    },
  });
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'Connections the database pool may open (postgres.js does not expose how many are busy; PGlite has one)',
    labelNames: ['driver'] as const,
    registers: [registry],
    collect() {
      this.set({ driver: database.driver }, database.pool.max);
    },
  });
}
