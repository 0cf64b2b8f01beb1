import type { Database, Db } from '@iag/kit';
import type { CisaSchema } from '../db/schema';
import { assessRisk } from './risk.assess';

/**
 * The date the demo world is assessed as of: a few days after its newest threat product. Fixed, so
 * the demo's scores (and docs/risk.md's worked example) do not drift as real time passes; the
 * first reassessment (mutation or periodic job) then scores it as of the real date.
 */
export const DEMO_RISK_AS_OF = new Date('2026-11-20T00:00:00Z');

/**
 * Scores the dependencies a seed has just inserted (cause 'created'), once their assets, KEV links
 * and threat products are all in. Only never-assessed rows, so a second run changes nothing.
 */
export async function seedRisk(database: Database<CisaSchema>, asOf: Date = new Date()) {
  return database.db.transaction((tx) => assessRisk(tx as unknown as Db<CisaSchema>, { onlyUnassessed: true, cause: 'created', asOf }));
}
