import { readFile } from 'node:fs/promises';
import type { Database } from '@iag/kit';
import type { CisaSchema } from '../db/schema';
import { parseKevCatalog } from '../kev/kev.catalog';
import { importKevCatalog } from '../kev/kev.import';
import { linkAllVulnerabilityAssets } from '../kev/kev.links';
import { latestKevCatalog } from '../kev/kev.record';
import { indexUnindexedProducts } from '../stix-collection/stix-object-index';
import { demoProducts, seedDemoProducts } from './demo-products';

/** CISA's copy of the catalog (CC0 1.0); see the README beside it. */
export const KEV_CATALOG_FILE = new URL('../seed/data/kev/known_exploited_vulnerabilities.json', import.meta.url);

/**
 * Loads the bundled KEV catalog (reference data, upserted so a newer copy updates it), unless a newer
 * release was imported since (`pnpm import:kev <url>`): re-applying the older copy would roll its
 * entries back. Either way the links of entries to assets are rebuilt, as the infrastructure seed
 * that runs first may have added assets.
 */
async function seedKevCatalog(database: Database<CisaSchema>) {
  const catalog = parseKevCatalog(await readFile(KEV_CATALOG_FILE, 'utf8'));
  const latest = await latestKevCatalog(database.db);
  if (latest && latest.dateReleased > new Date(catalog.dateReleased)) {
    await database.db.transaction((tx) => linkAllVulnerabilityAssets(tx));
    return { added: 0, updated: 0, unchanged: 0, catalogVersion: latest.version, skipped: catalog.catalogVersion };
  }
  return importKevCatalog(database.db, catalog, 'seed');
}

/**
 * Loads threat intelligence: the KEV catalog always (above), and the invented demo products when
 * `demo` is set. Idempotent.
 */
export async function seedThreatIntel(database: Database<CisaSchema>, options: { demo: boolean }) {
  const kev = await seedKevCatalog(database);
  const added = options.demo ? await seedDemoProducts(database.db) : undefined;
  // Also at every start: fills the index after migration 0007, and for products a seed wrote.
  const stixIndexed = await indexUnindexedProducts(database.db);
  return { kev, ...(added === undefined ? {} : { threatProducts: { total: demoProducts.length, added } }), stixIndexed };
}
