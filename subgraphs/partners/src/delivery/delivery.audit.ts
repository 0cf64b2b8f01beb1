import { Tlp, type SubgraphContext } from '@iag/kit';

/** The markings whose every read must leave an audit record (DESIGN.md, "Identity and access"). */
const AUDITED: ReadonlySet<string> = new Set([Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED]);

/**
 * Notes the AMBER, AMBER+STRICT and RED deliveries in `rows` as read by the caller. Called where
 * rows leave a loader or query, once per batch, with only the rows handed back (never hidden ones);
 * the recorder writes one row per request when the response goes out.
 */
export function auditDeliveryReads(ctx: SubgraphContext, rows: Iterable<{ id: string; tlp: string }>): void {
  const ids: string[] = [];
  for (const row of rows) if (AUDITED.has(row.tlp)) ids.push(row.id);
  if (ids.length > 0) ctx.audit.read('Delivery', ids);
}
