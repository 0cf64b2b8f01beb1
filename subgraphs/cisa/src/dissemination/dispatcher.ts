import type { Database, Logger } from '@iag/kit';
import type { CisaSchema } from '../db/schema';
import type { DisseminationConfig } from './config';
import { onDisseminationNudge } from './nudge';
import { claimDueRows, markDispatched, markFailed } from './outbox.store';
import { DeliveryError, createPartnersClient } from './partners-client';

export const POLL_INTERVAL_MS = 500;
export const BATCH_SIZE = 100;

export interface Dispatcher {
  /** Starts polling (and listening for nudges); idempotent. */
  start(): void;
  /** Stops polling and waits for the batch in flight, so the database can be closed after. */
  stop(): Promise<void>;
}

/**
 * Sends the dissemination outbox to Partners: every ~500 ms, and at once when a publish nudges it,
 * claims up to 100 due rows (oldest first), sends them in one `recordDeliveries` call and marks
 * them dispatched; a failed call backs the rows off (min(2^attempts, 300) s plus jitter) with a
 * short error.
 *
 * Exactly-once, as seen by partners: the outbox row commits with the publish, so every intent is
 * sent at least once (a row stays due until marked). If the process dies, or the marking fails,
 * between Partners' answer and `dispatched_at` being set, the rows are simply due again once the
 * claim lease expires and are sent again with the same intent ids; Partners is idempotent on
 * (product, recipient, revision) and answers them as `alreadyPresent`. At-least-once sending plus
 * an idempotent receiver is exactly one delivery.
 *
 * Built stopped: nothing runs until `start()` (the server calls it after it listens).
 */
export async function createDispatcher(options: {
  database: Database<CisaSchema>;
  logger: Logger;
  config: DisseminationConfig;
  intervalMs?: number;
  batchSize?: number;
}): Promise<Dispatcher> {
  const { database, logger } = options;
  const intervalMs = options.intervalMs ?? POLL_INTERVAL_MS;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const send = await createPartnersClient(options.config);

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<boolean> | undefined;
  let again = false;
  let unsubscribe: (() => void) | undefined;

  /** One batch; true when it was full (more may be due right away). */
  async function runBatch(): Promise<boolean> {
    const rows = await claimDueRows(database.db, batchSize, options.config.leaseSeconds);
    if (!rows.length) return false;
    const ids = rows.map((r) => r.id);
    try {
      const result = await send(rows);
      await markDispatched(database.db, ids);
      logger.debug({ rows: rows.length, ...result }, 'dissemination batch delivered');
    } catch (error) {
      const message = error instanceof DeliveryError ? error.message : 'Sending to Partners failed';
      if (!(error instanceof DeliveryError)) logger.error({ err: error }, 'dissemination batch failed unexpectedly');
      else logger.warn({ rows: rows.length, error: message }, 'dissemination batch not delivered; will retry');
      await markFailed(database.db, ids, message);
    }
    return rows.length === batchSize;
  }

  function schedule(ms: number) {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
  }

  function tick() {
    if (!running) return;
    if (inFlight) {
      again = true;
      return;
    }
    again = false;
    inFlight = runBatch().catch((error) => {
      // e.g. the database is briefly unavailable: try again on the next poll, never crash.
      logger.error({ err: error }, 'dissemination outbox poll failed');
      return false;
    });
    void inFlight.then((full) => {
      inFlight = undefined;
      schedule(full || again ? 0 : intervalMs);
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = onDisseminationNudge(() => schedule(0));
      schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      unsubscribe?.();
      unsubscribe = undefined;
      await inFlight;
    },
  };
}
