import { Gauge, type Db, type Logger, type Registry } from '@iag/kit';
import type { CisaSchema } from '../db/schema';
import { outboxStatus, type OutboxStatus } from './outbox.store';

/**
 * `dissemination_outbox_backlog`, `dissemination_outbox_failing` and
 * `dissemination_oldest_pending_seconds`: what `disseminationStatus` answers publishers, read from
 * the outbox when Prometheus scrapes (one read serves all three gauges of a scrape).
 */
export function registerDisseminationMetrics(registry: Registry, db: Db<CisaSchema>, logger: Logger): void {
  // The gauges of one scrape are collected together: they share the read in flight.
  let inFlight: Promise<OutboxStatus | undefined> | undefined;
  const status = () =>
    (inFlight ??= outboxStatus(db)
      // A database that cannot answer leaves the gauges empty; the rest of the scrape still works.
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'dissemination metrics unavailable');
        return undefined;
      })
      .finally(() => {
        inFlight = undefined;
      }));
  const gauge = (name: string, help: string, value: (s: OutboxStatus) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const current = await status();
        if (current) this.set(value(current));
        else this.reset();
      },
    });
  gauge('dissemination_outbox_backlog', 'Deliveries to partners not yet accepted by Partners', (s) => s.pending);
  gauge('dissemination_outbox_failing', 'Pending deliveries that failed at least once and wait for a retry', (s) => s.failing);
  gauge('dissemination_oldest_pending_seconds', 'Age of the oldest pending delivery; 0 when none is pending', (s) => s.lagSeconds);
}
