// One full reassessment (maturity from Partners, then every active dependency), shared by the
// `reassessRisk` mutation and the periodic job, and how they find the Partners client.
import type { Db } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import type { CisaSchema } from '../db/schema';
import { MaturityFetchError, type MaturityFetcher } from './maturity.client';
import { refreshOperatorMaturity } from './maturity.refresh';
import { recordReassessment } from './risk-runs';
import { assessRisk } from './risk.assess';

/** Where maturity comes from for one server: a Partners client, or why there is none. */
export type MaturitySource = { fetch: MaturityFetcher } | { unavailable: string };

// Resolvers only see the request's `db`, and the schema is built without configuration, so the
// server factory registers its Partners client under its database handle. A WeakMap keeps servers
// of one process (tests) apart and lets a closed database be collected.
const sources = new WeakMap<object, MaturitySource>();

export function registerMaturitySource(db: object, source: MaturitySource): void {
  sources.set(db, source);
}

export function maturitySourceOf(db: object): MaturitySource {
  return sources.get(db) ?? { unavailable: 'Partners is not configured' };
}

/** The advisory lock key of full reassessments (an arbitrary constant, "risk" in ASCII). */
const REASSESS_LOCK = 0x7269736b;

export interface ReassessmentResult {
  assessed: number;
  changed: number;
  maturityRefreshed: number;
  /** "partners", or "stored copy: <why Partners was not used>". */
  maturitySource: string;
  assessedAt: Date;
}

/**
 * Refreshes operator maturity from Partners when it can; if Partners is not configured or fails,
 * says so and goes on with the stored copy. Then reassesses every ACTIVE dependency, as of now.
 */
export async function reassessAll(
  db: Db<CisaSchema>,
  source: MaturitySource,
  hooks: {
    onMaturityError?: (error: unknown) => void;
    /** Runs in the assessment's transaction, after it: the mutation's audit record. */
    inTransaction?: (tx: Db<CisaSchema>) => Promise<void>;
  } = {},
): Promise<ReassessmentResult> {
  const assessedAt = new Date();
  let maturityRefreshed = 0;
  let maturitySource = 'partners';
  if ('fetch' in source) {
    try {
      maturityRefreshed = await refreshOperatorMaturity(db, source.fetch);
    } catch (error) {
      hooks.onMaturityError?.(error);
      // Only our own error class carries a message fit for a client; anything else stays generic.
      maturitySource = `stored copy: ${error instanceof MaturityFetchError ? error.message : 'refreshing maturity from Partners failed'}`;
    }
  } else {
    maturitySource = `stored copy: ${source.unavailable}`;
  }
  const { assessed, changed } = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db<CisaSchema>;
    // One full reassessment at a time, across processes: two at once would both see the old scores
    // and both append the same history rows. The lock ends with the transaction.
    await tx.execute(sql`select pg_advisory_xact_lock(${REASSESS_LOCK})`);
    const result = await assessRisk(tx, { onlyActive: true, cause: 'reassessed', asOf: assessedAt, recordedRun: true });
    await recordReassessment(tx, { assessedAt, ...result });
    await hooks.inTransaction?.(tx);
    return result;
  });
  return { assessed, changed, maturityRefreshed, maturitySource, assessedAt };
}
