import { desc, sql } from '@iag/kit/orm';
import type { SubgraphContext } from '@iag/kit';
import { kevCatalogs, type CisaSchema } from '../db/schema';
import type { KevCatalog } from './kev.catalog';
import type { KevImportResult, KevWriter } from './kev.import';

export type KevCatalogRow = typeof kevCatalogs.$inferSelect;

/**
 * Notes that `catalog` was imported from `source`, with what the import changed: a new row for a
 * version not seen before, else the version's row updated (its first import time kept). Runs in the
 * import's transaction, so the record and the entries never disagree.
 */
export async function recordKevCatalog(tx: KevWriter, catalog: KevCatalog, source: string, result: KevImportResult) {
  const { added, updated, unchanged } = result;
  const values = { dateReleased: new Date(catalog.dateReleased), count: catalog.count, source, added, updated, unchanged };
  await tx
    .insert(kevCatalogs)
    .values({ version: catalog.catalogVersion, ...values })
    .onConflictDoUpdate({ target: kevCatalogs.version, set: { ...values, lastImportedAt: sql`now()` } });
}

/**
 * The newest catalog imported: by CISA's release date, not by when it was imported, so that
 * re-importing an old file does not make it "the" catalog; null before any import.
 */
export async function latestKevCatalog(db: Pick<SubgraphContext<CisaSchema>['db'], 'select'>): Promise<KevCatalogRow | null> {
  const [row] = await db
    .select()
    .from(kevCatalogs)
    .orderBy(desc(kevCatalogs.dateReleased), desc(kevCatalogs.lastImportedAt))
    .limit(1);
  return row ?? null;
}
