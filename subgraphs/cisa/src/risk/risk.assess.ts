// Recomputes stored risk scores: inputs gathered set-based (risk.inputs.ts), scored in memory
// (risk.factors.ts), written back in batches of a few statements, with a history row per change.
import type { Db } from '@iag/kit';
import { rowsOf } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { dependencies, dependencyRiskHistory, type CisaSchema } from '../db/schema';
import { computeRisk, sameFactors, type RiskResult } from './risk.factors';
import { gatherRiskInputs, scopeWhere, type RiskScope } from './risk.inputs';

export type RiskCause = 'created' | 'updated' | 'reassessed';

export interface AssessRiskOptions {
  /** Only these dependencies; all of them (ACTIVE ones only with `onlyActive`) when absent. */
  dependencyIds?: readonly string[];
  onlyActive?: boolean;
  /** Only dependencies never assessed yet (a seed's new rows), so that a re-run changes nothing. */
  onlyUnassessed?: boolean;
  /**
   * A full reassessment that its caller records (risk-runs.ts): rows whose score did not move keep
   * their `risk_assessed_at`, instead of every row of the table being rewritten.
   */
  recordedRun?: boolean;
  cause: RiskCause;
  /** The date the assessment is as of (recent threats count back from it); now by default. */
  asOf?: Date;
}

// Rows per statement. Each batch travels as ONE jsonb parameter unpacked by jsonb_to_recordset:
// binding thousands of separate parameters cost more than the statements themselves (scoring
// 106,600 new dependencies: 18 s with (VALUES ...) lists of parameters, 11 s this way).
const WRITE_BATCH = 5_000;

interface Assessed extends RiskResult {
  id: string;
  version: number;
}

const batches = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / WRITE_BATCH) }, (_, k) => rows.slice(k * WRITE_BATCH, (k + 1) * WRITE_BATCH));
const asJson = (rows: Assessed[]) =>
  JSON.stringify(rows.map((r) => ({ id: r.id, version: r.version, score: r.score, priority: r.priority, factors: r.factors })));

/**
 * Writes the scores and returns the rows written. The score is derived data: `version` and
 * `updated_at` stay, so a reassessment never makes an analyst's pending update fail with CONFLICT.
 * The other way round, a row updated since its inputs were read (its version moved) is skipped:
 * that update scored it itself, from newer inputs, and must not be overwritten with a stale score.
 */
async function writeScores(db: Db<CisaSchema>, rows: Assessed[], asOf: Date): Promise<Assessed[]> {
  const written: Assessed[] = [];
  for (const batch of batches(rows)) {
    const result = await db.execute(sql`
      update ${dependencies} as d
         set risk_score = v.score, priority = v.priority, risk_factors = v.factors,
             risk_assessed_at = ${asOf.toISOString()}::timestamptz
        from jsonb_to_recordset(${asJson(batch)}::jsonb)
             as v(id text, version int, score real, priority priority, factors jsonb)
       where d.id = v.id and d.version = v.version
      returning d.id`);
    const ids = new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
    written.push(...batch.filter((r) => ids.has(r.id)));
  }
  return written;
}

// Every dependency of the scope was assessed as of `asOf`, changed or not: one statement for all,
// before the changed ones are written (they set it again).
async function touchAssessed(db: Db<CisaSchema>, scope: RiskScope, asOf: Date) {
  await db.execute(sql`update ${dependencies} as d set risk_assessed_at = ${asOf.toISOString()}::timestamptz where ${scopeWhere(scope)}`);
}

async function appendHistory(db: Db<CisaSchema>, rows: Assessed[], asOf: Date, cause: RiskCause) {
  for (const batch of batches(rows)) {
    await db.execute(sql`
      insert into ${dependencyRiskHistory} (dependency_id, assessed_at, risk_score, priority, risk_factors, cause)
      select v.id, ${asOf.toISOString()}::timestamptz, v.score, v.priority, v.factors, ${cause}
        from jsonb_to_recordset(${asJson(batch)}::jsonb)
             as v(id text, version int, score real, priority priority, factors jsonb)`);
  }
}

/**
 * Recomputes the score, priority and factors of the dependencies asked for, as of `asOf`, and
 * stores them (with `risk_assessed_at`). A history row is appended for each dependency whose score
 * or factors changed, and for every one on cause 'created' (its first score). Runs in whatever
 * `db` is: pass a transaction to make it part of a write.
 */
export async function assessRisk(db: Db<CisaSchema>, options: AssessRiskOptions): Promise<{ assessed: number; changed: number }> {
  const asOf = options.asOf ?? new Date();
  const scope: RiskScope = {
    dependencyIds: options.dependencyIds,
    onlyActive: options.onlyActive,
    onlyUnassessed: options.onlyUnassessed,
  };
  const inputs = await gatherRiskInputs(db, scope, asOf);
  const changed: Assessed[] = [];
  for (const input of inputs) {
    const result = computeRisk(input);
    const moved = result.score !== input.storedScore || !sameFactors(result.factors, input.storedFactors);
    if (moved || options.cause === 'created') changed.push({ id: input.id, version: input.version, ...result });
  }
  // Nothing to touch for 'created' (every row is written below anyway), nor for a recorded run.
  if (options.cause !== 'created' && !options.recordedRun && changed.length < inputs.length) await touchAssessed(db, scope, asOf);
  const written = await writeScores(db, changed, asOf);
  await appendHistory(db, written, asOf, options.cause);
  return { assessed: inputs.length, changed: written.length };
}
