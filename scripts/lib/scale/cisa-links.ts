// CISA at scale: links between the generated assets, for the impact analysis and the cascade factor
// of the risk score. Two per asset, so about 10,000 at n = 100,000 (plan.ts, assetLinkCount).
import type { Database } from '@iag/kit';
import { assetLinks, type CisaSchema } from '../../../subgraphs/cisa/src/db/schema';
import { plannedAsset } from './cisa';
import { insertChunked, type Progress } from './insert';
import { assetLinkCount, ids, rng, SALT } from './plan';

const KINDS = ['PHYSICAL', 'CYBER', 'GEOGRAPHIC', 'LOGICAL'] as const;
// Four in ten links are tight: enough for cascades a few links long, not so many that one failure
// takes the whole graph down.
const TIGHT_SHARE = 0.4;
// As with dependencies, some history for the status filter.
const RETIRED_EVERY = 25;

/**
 * Link i belongs to asset j = floor(i / 2) + 1 and joins it to an asset k below it, which exists
 * whenever j does, so the link is a pure function of i valid at every n. Even links make j depend on
 * k, odd ones k on j: pairs are unique by construction (the higher asset and the parity name the
 * link) and never self links, while both directions together close cycles. Suppliers of even links
 * are drawn toward the lowest indexes (a cubed uniform), which makes the first assets hubs that
 * hundreds lean on.
 */
export function plannedAssetLink(i: number) {
  const r = rng(i, SALT.assetLink);
  const j = Math.floor(i / 2) + 1;
  const k = i % 2 === 0 ? Math.floor(r.next() ** 3 * j) : r.int(0, j - 1);
  const [dependent, supplier] = i % 2 === 0 ? [j, k] : [k, j];
  return {
    id: ids.assetLink(i),
    assetId: ids.asset(dependent),
    dependsOnAssetId: ids.asset(supplier),
    kind: r.pick(KINDS),
    coupling: r.next() < TIGHT_SHARE ? ('TIGHT' as const) : ('LOOSE' as const),
    status: i % RETIRED_EVERY === RETIRED_EVERY - 1 ? ('RETIRED' as const) : ('ACTIVE' as const),
    rationale: `${plannedAsset(dependent).name} relies on ${plannedAsset(supplier).name}.`,
  };
}

function assetLinkRows(from: number, to: number) {
  const rows: (typeof assetLinks.$inferInsert)[] = [];
  for (let i = from; i < to; i++) rows.push(plannedAssetLink(i));
  return [{ table: assetLinks, rows }];
}

/** After the assets: both ends of every link must exist. */
export async function scaleCisaAssetLinks(database: Database<CisaSchema>, n: number, progress?: Progress) {
  const label = { subgraph: 'cisa', table: 'asset_links' };
  return { assetLinks: await insertChunked(database.db, label, assetLinkCount(n), assetLinkRows, progress) };
}
