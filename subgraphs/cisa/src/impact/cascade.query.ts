import type { Db } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { assetLinks, type CisaSchema } from '../db/schema';

/** How many TIGHT links a cascade follows from the failing asset. */
export const CASCADE_DEPTH = 4;

/**
 * For every asset (or only `assetIds`), how many distinct other assets fail with it: those reachable
 * along ACTIVE TIGHT links, supplier to dependent, within CASCADE_DEPTH links. Assets nothing leans
 * on tightly are absent from the map (their cascade is 0).
 *
 * One statement for all origins at once. The walk keeps (origin, asset, depth) rather than whole
 * paths: UNION drops a row already found, so a cycle or a diamond costs at most one row per asset
 * and depth instead of one per path, which a hub with hundreds of dependents would multiply. The
 * depth bound ends every walk; not stepping back onto the origin keeps it out of its own count.
 */
export async function cascadeSizes(db: Db<CisaSchema>, assetIds?: readonly string[]): Promise<Map<string, number>> {
  if (assetIds && assetIds.length === 0) return new Map();
  const origins = assetIds ? sql`and l.depends_on_asset_id = any(${sql.param([...new Set(assetIds)])}::text[])` : sql``;
  const rows = await db
    .select({ origin: sql<string>`cascade.origin`, size: sql<number>`cascade.size`.mapWith(Number) })
    .from(
      sql`(
        with recursive walk(origin, asset_id, depth) as (
          select l.depends_on_asset_id, l.asset_id, 1
            from ${assetLinks} l
           where l.status = 'ACTIVE' and l.coupling = 'TIGHT' ${origins}
          union
          select w.origin, l.asset_id, w.depth + 1
            from walk w
            join ${assetLinks} l on l.depends_on_asset_id = w.asset_id
           where l.status = 'ACTIVE' and l.coupling = 'TIGHT'
             and w.depth < ${CASCADE_DEPTH} and l.asset_id <> w.origin
        )
        select origin, count(distinct asset_id) as size from walk group by origin
      ) as cascade`,
    );
  return new Map(rows.map((row) => [row.origin, row.size]));
}
