import { readFile } from 'node:fs/promises';
import type { Database } from '@iag/kit';
import type { CisaSchema } from '../db/schema';
import { importKevCatalog } from '../kev/kev.import';
import { demoProducts, seedDemoProducts } from './demo-products';

/** CISA's copy of the catalog (CC0 1.0); see the README beside it. */
export const KEV_CATALOG_FILE = new URL('../seed/data/kev/known_exploited_vulnerabilities.json', import.meta.url);

/**
 * Loads threat intelligence: the whole KEV catalog always (reference data, upserted so a newer copy
 * updates it), and the invented demo products when `demo` is set. Idempotent.
 */
export async function seedThreatIntel(database: Database<CisaSchema>, options: { demo: boolean }) {
  const kev = await importKevCatalog(database.db, await readFile(KEV_CATALOG_FILE, 'utf8'));
  if (!options.demo) return { kev };
  const added = await seedDemoProducts(database.db);
  return { kev, threatProducts: { total: demoProducts.length, added } };
}
