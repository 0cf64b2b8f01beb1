import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { and, eq } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetLinks, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { HUB_ASSET } from '../seed-infrastructure/data/asset-links';
import { CASCADE_DEPTH, cascadeSizes } from './cascade.query';

let subgraph: StartedSubgraph<CisaSchema>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

/** The expectation, apart from the SQL: a breadth-first walk along active tight links from each asset. */
async function expectedSizes() {
  const tight = await subgraph.database.db
    .select()
    .from(assetLinks)
    .where(and(eq(assetLinks.status, 'ACTIVE'), eq(assetLinks.coupling, 'TIGHT')));
  const sizes = new Map<string, number>();
  for (const origin of new Set(tight.map((l) => l.dependsOnAssetId))) {
    const seen = new Set([origin]);
    let frontier = [origin];
    for (let d = 0; d < CASCADE_DEPTH; d++) {
      frontier = tight.filter((l) => frontier.includes(l.dependsOnAssetId) && !seen.has(l.assetId)).map((l) => l.assetId);
      for (const id of frontier) seen.add(id);
    }
    sizes.set(origin, seen.size - 1);
  }
  return sizes;
}

describe('cascadeSizes', () => {
  it('counts, for every asset, the others that fail with it along tight links', async () => {
    const sizes = await cascadeSizes(subgraph.database.db);
    expect(Object.fromEntries(sizes)).toEqual(Object.fromEntries(await expectedSizes()));
    // Port Said, Zafarana, Ras Ghareb, then Marseille landing, data centre and exchange.
    expect(sizes.get(HUB_ASSET)).toBe(6);
    // A cycle: each of the three Estonian grid assets takes the other two down, and Paldiski.
    expect(sizes.get('asset-ee-harku-converter')).toBe(3);
    expect(sizes.get('asset-ee-tallinn-substation')).toBe(3);
    // Nothing leans on it tightly: absent, meaning 0.
    expect(sizes.has('asset-nl-burgum-ground')).toBe(false);
  });

  it('answers only the assets asked for, in one statement', async () => {
    const before = subgraph.database.stats.statements;
    const sizes = await cascadeSizes(subgraph.database.db, [HUB_ASSET, 'asset-au-pilbara-feed-pipeline', 'asset-nl-burgum-ground']);
    expect(subgraph.database.stats.statements - before).toBe(1);
    // The feed pipeline takes the LNG terminal and the power station; the fabs are loosely coupled.
    expect(Object.fromEntries(sizes)).toEqual({ [HUB_ASSET]: 6, 'asset-au-pilbara-feed-pipeline': 2 });
    expect(await cascadeSizes(subgraph.database.db, [])).toEqual(new Map());
  });
});
