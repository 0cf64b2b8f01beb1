import type { SubgraphContext } from '@iag/kit';
import type { CisaSchema } from '../db/schema';

type Ctx = SubgraphContext<CisaSchema>;

// The markings whose every read leaves an audit record (docs/access.md, "How a refusal looks").
const AUDITED_MARKINGS: ReadonlySet<string> = new Set(['AMBER', 'AMBER_STRICT', 'RED']);

/**
 * Notes that the caller is being shown these products. Called where rows leave a loader or a list
 * query, once per batch: the recorder gathers the ids and writes one row per request at the end.
 * Pass only rows that are returned (not a page's look-ahead row, not hidden rows).
 */
export function auditProductReads(ctx: Ctx, rows: readonly { id: string; tlp: string }[]): void {
  const ids = rows.filter((row) => AUDITED_MARKINGS.has(row.tlp)).map((row) => row.id);
  if (ids.length > 0) ctx.audit.read('ThreatProduct', ids);
}
