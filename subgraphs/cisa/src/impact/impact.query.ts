import type { Db } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { assetLinks, assets, dependencies, type CisaSchema } from '../db/schema';
import type { Impact } from './impact.type';

/** The most affected assets one answer lists; `truncated` says when more were hit. */
export const MAX_AFFECTED_ASSETS = 500;

interface ImpactRow {
  kind: 'asset' | 'function' | 'sector' | 'country' | 'total';
  code: string | null;
  depth: number | null;
  allTight: boolean | null;
  path: string | null;
  count: number | null;
  criticality: number | null;
}

/**
 * Everything `impact` answers, in one statement (the failing asset is known to exist).
 *
 * - `reach` walks from the failing asset to its dependents along active links and keeps, for each
 *   asset, the depths it is reached at with and without a loose link on the way. It keeps states,
 *   not paths, so UNION drops what it has already seen and a cycle or a dense graph cannot make it
 *   grow beyond assets x depth x 2 rows; the depth bound ends it.
 * - `ranked` picks each asset's best way in: by tight links only when there is one (the shortest
 *   such), else the shortest; `chosen` keeps the first MAX_AFFECTED_ASSETS in answer order.
 * - `paths` then enumerates only those best ways, step by step: a step is taken only if it lands on
 *   the asset at its best depth, so no path revisits an asset (a shortest path cannot) and only the
 *   few shortest paths are ever built. The prefix of a best path is a best path of an earlier asset
 *   in answer order, so cutting at MAX_AFFECTED_ASSETS never strands a path.
 * - The failing asset and the assets hit then meet their active dependencies, for the functions
 *   and sectors, each with the path to the first asset (in answer order) that brings it in.
 */
export async function computeImpact(db: Db<CisaSchema>, assetId: string, maxDepth: number): Promise<Impact> {
  const source = sql`${assetId}::text`;
  const rows: ImpactRow[] = await db
    .select({
      kind: sql<ImpactRow['kind']>`impact.kind`,
      code: sql<string | null>`impact.code`,
      depth: sql<number | null>`impact.depth`,
      allTight: sql<boolean | null>`impact.all_tight`,
      path: sql<string | null>`impact.path`,
      count: sql<number | null>`impact.count`,
      criticality: sql<number | null>`impact.criticality`,
    })
    .from(
      sql`(
        with recursive
        reach(asset_id, depth, tight) as (
          select l.asset_id, 1, l.coupling = 'TIGHT'
            from ${assetLinks} l
           where l.depends_on_asset_id = ${source} and l.status = 'ACTIVE'
          union
          select l.asset_id, r.depth + 1, r.tight and l.coupling = 'TIGHT'
            from reach r
            join ${assetLinks} l on l.depends_on_asset_id = r.asset_id
           where l.status = 'ACTIVE' and r.depth < ${maxDepth} and l.asset_id <> ${source}
        ),
        best as (
          select asset_id, min(depth) filter (where tight) as tight_depth, min(depth) as any_depth
            from reach group by asset_id
        ),
        ranked as (
          select b.asset_id, b.tight_depth, b.any_depth,
                 b.tight_depth is not null as all_tight,
                 coalesce(b.tight_depth, b.any_depth) as depth,
                 row_number() over (order by b.tight_depth is null, coalesce(b.tight_depth, b.any_depth), a.name, a.id) as rank
            from best b join ${assets} a on a.id = b.asset_id
        ),
        chosen as (select * from ranked where rank <= ${MAX_AFFECTED_ASSETS}),
        paths(asset_id, depth, tight, path) as (
          select ${source}, 0, true, array[${source}]
          union all
          select l.asset_id, p.depth + 1, p.tight and l.coupling = 'TIGHT', p.path || l.asset_id
            from paths p
            join ${assetLinks} l on l.depends_on_asset_id = p.asset_id
            join chosen c on c.asset_id = l.asset_id
           where l.status = 'ACTIVE' and l.asset_id <> all(p.path)
             and (p.depth + 1 = c.any_depth or (p.tight and l.coupling = 'TIGHT' and p.depth + 1 = c.tight_depth))
        ),
        best_path as (
          select distinct on (asset_id) asset_id, array_to_json(path)::text as path
            from paths where depth > 0
           order by asset_id, tight desc, depth, path
        ),
        hit as (
          select ${source} as asset_id, 0::bigint as rank, array_to_json(array[${source}])::text as path
          union all
          select c.asset_id, c.rank, bp.path from chosen c join best_path bp on bp.asset_id = c.asset_id
        ),
        hit_dependencies as (
          select d.function_code, d.sector_code, d.criticality, h.rank, h.path
            from ${dependencies} d join hit h on h.asset_id = d.asset_id
           where d.status = 'ACTIVE'
        )
        select 'asset' as kind, c.asset_id as code, c.depth, c.all_tight, bp.path,
               null::int as count, null::int as criticality, c.rank as position
          from chosen c join best_path bp on bp.asset_id = c.asset_id
        union all
        select 'function', function_code, null, null, (array_agg(path order by rank))[1],
               count(*)::int, max(criticality)::int, null
          from hit_dependencies where function_code is not null group by function_code
        union all
        select 'sector', sector_code, null, null, (array_agg(path order by rank))[1],
               count(*)::int, max(criticality)::int, null
          from hit_dependencies group by sector_code
        union all
        select 'country', a.country_code, null, null, null, count(*)::int, null, null
          from hit h join ${assets} a on a.id = h.asset_id group by a.country_code
        union all
        select 'total', null, null, null, null, (select count(*) from best)::int, null, null
      ) as impact`,
    )
    .orderBy(sql`impact.kind`, sql`impact.position`, sql`impact.criticality desc`, sql`impact.code`);

  const impact: Impact = { assetId, maxDepth, truncated: false, affectedAssets: [], functions: [], sectors: [], countries: [] };
  const pathOf = (row: ImpactRow) => JSON.parse(row.path!) as string[];
  for (const row of rows) {
    if (row.kind === 'asset') {
      impact.affectedAssets.push({ assetId: row.code!, depth: row.depth!, allTight: row.allTight!, pathIds: pathOf(row) });
    } else if (row.kind === 'function') {
      impact.functions.push({ functionCode: row.code!, dependencyCount: row.count!, highestCriticality: row.criticality!, pathIds: pathOf(row) });
    } else if (row.kind === 'sector') {
      impact.sectors.push({ sectorCode: row.code!, dependencyCount: row.count!, highestCriticality: row.criticality!, pathIds: pathOf(row) });
    } else if (row.kind === 'country') {
      impact.countries.push({ countryCode: row.code!, assetCount: row.count! });
    } else {
      impact.truncated = row.count! > MAX_AFFECTED_ASSETS;
    }
  }
  return impact;
}
