import type { Db } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { assetLinks, type CisaSchema } from '../db/schema';
import { CASCADE_DEPTH } from './cascade.query';

/**
 * The assets whose cascade (cascadeSizes) can change when `supplierId` gains or loses a tight
 * dependent: the supplier itself and every asset it is reachable from along ACTIVE TIGHT links,
 * supplier to dependent. The walk runs backwards, from the supplier to its own suppliers.
 *
 * It stops at CASCADE_DEPTH - 1 links up: an asset that far up reaches the supplier's dependents
 * at CASCADE_DEPTH, the last level a cascade counts; one further up never sees them. As in
 * cascadeSizes, UNION over (asset, depth) keeps a cycle or a diamond to one row per asset and
 * depth, and the depth bound ends every walk.
 */
export async function cascadeUpstream(db: Db<CisaSchema>, supplierId: string): Promise<string[]> {
  const rows = await db.select({ id: sql<string>`up.asset_id` }).from(
    sql`(
      with recursive walk(asset_id, depth) as (
        select ${supplierId}::text, 0
        union
        select l.depends_on_asset_id, w.depth + 1
          from walk w
          join ${assetLinks} l on l.asset_id = w.asset_id
         where l.status = 'ACTIVE' and l.coupling = 'TIGHT' and w.depth < ${CASCADE_DEPTH - 1}
      )
      select distinct asset_id from walk
    ) as up`,
  );
  return rows.map((row) => row.id);
}
