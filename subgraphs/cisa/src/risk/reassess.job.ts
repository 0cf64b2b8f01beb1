// The periodic reassessment: new KEV links, threat products and maturity move scores without any
// write to the dependencies themselves, so something has to look again now and then.
import type { Database, Logger } from '@iag/kit';
import type { CisaSchema } from '../db/schema';
import { maturitySourceOf, reassessAll } from './reassess';

export const DEFAULT_REASSESS_SECONDS = 3600;
/**
 * With Partners configured, the first run comes this soon after start (or after one interval, if
 * shorter): the seed scores with the maturity CISA has stored, which is none on a fresh hub, and
 * Partners is usually up a few seconds after CISA. An hour without operators' maturity would surprise.
 */
export const FIRST_RUN_SECONDS = 30;

/** RISK_REASSESS_SECONDS: whole seconds between runs, 0 = off; a bad value warns and means the default. */
export function parseReassessSeconds(env: Record<string, string | undefined> | undefined, logger: Logger): number {
  const raw = env?.RISK_REASSESS_SECONDS?.trim();
  if (!raw) return DEFAULT_REASSESS_SECONDS;
  const seconds = Number(raw);
  if (Number.isInteger(seconds) && seconds >= 0 && seconds <= 7 * 86_400) return seconds;
  logger.warn(`RISK_REASSESS_SECONDS must be a whole number of seconds from 0 (off) to 604800: using ${DEFAULT_REASSESS_SECONDS}`);
  return DEFAULT_REASSESS_SECONDS;
}

export interface ReassessJob {
  start(): void;
  /** Stops the timer and waits for a run in flight, so the database can be closed after. */
  stop(): Promise<void>;
}

/**
 * Runs reassessAll every `seconds`, the first time `firstRunSeconds` after start (default: one interval). Runs never overlap: the next is scheduled only when one
 * ends. Errors are logged, never thrown; timers are unref'd so they never keep the process alive.
 */
export function createReassessJob(options: { database: Database<CisaSchema>; logger: Logger; seconds: number; firstRunSeconds?: number }): ReassessJob {
  const { database, logger, seconds } = options;
  const firstRun = Math.min(seconds, options.firstRunSeconds ?? seconds);
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let running = false;

  function schedule(after = seconds) {
    if (!running || seconds === 0) return;
    timer = setTimeout(run, after * 1000);
    timer.unref();
  }

  function run() {
    inFlight = reassessAll(database.db, maturitySourceOf(database.db), {
      onMaturityError: (error) =>
        logger.warn({ error: (error as Error)?.message }, 'risk reassessment: maturity not refreshed from Partners'),
    })
      .then((result) => logger.info({ ...result }, 'risk reassessment done'))
      .catch((error) => logger.error({ err: error }, 'risk reassessment failed'))
      .finally(() => {
        inFlight = undefined;
        schedule();
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(firstRun);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
