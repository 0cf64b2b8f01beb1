import type { Database } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { assetLinks, assetSectors, assets, dependencies, nationalCriticalFunctions, type CisaSchema } from '../db/schema';
import { ncfCode } from '../ncf/ncf.code';
import type { NcfArea } from '../ncf/ncf.type';
import { nationalCriticalFunctionNames } from './data/national-critical-functions';
import { buildDemoInfrastructure } from './demo';

/** The 55 National Critical Functions as rows, codes derived from the published names. */
export function nationalCriticalFunctionRows() {
  return Object.entries(nationalCriticalFunctionNames).flatMap(([area, names]) =>
    names.map((name) => ({ code: ncfCode(name), name, area: area as `${NcfArea}` })),
  );
}

/**
 * Loads the infrastructure half of CISA's data: the critical functions always (reference data,
 * upserted so that a corrected name reaches existing databases), the demo assets and dependencies
 * when asked. Idempotent: demo rows are inserted only where their key is new, so a second run
 * changes nothing and never overwrites a row edited since.
 */
export async function seedInfrastructure(database: Database<CisaSchema>, options: { demo: boolean }) {
  const functions = nationalCriticalFunctionRows();
  const demo = options.demo ? buildDemoInfrastructure() : undefined;
  await database.db.transaction(async (tx) => {
    await tx
      .insert(nationalCriticalFunctions)
      .values(functions)
      .onConflictDoUpdate({
        target: nationalCriticalFunctions.code,
        set: { name: sql`excluded.name`, area: sql`excluded.area` },
      });
    if (!demo) return;
    await tx.insert(assets).values(demo.assets).onConflictDoNothing({ target: assets.id });
    await tx.insert(assetSectors).values(demo.assetSectors).onConflictDoNothing();
    await tx.insert(dependencies).values(demo.dependencies).onConflictDoNothing({ target: dependencies.id });
    // After the assets their keys name. No conflict target: a pair recorded since under another id
    // is the same fact, and must not stop the seed.
    await tx.insert(assetLinks).values(demo.assetLinks).onConflictDoNothing();
  });
  return {
    functions: functions.length,
    assets: demo?.assets.length ?? 0,
    dependencies: demo?.dependencies.length ?? 0,
    assetLinks: demo?.assetLinks.length ?? 0,
  };
}
