import type { Db } from '@iag/kit';
import { eq, inArray, notExists, sql } from '@iag/kit/orm';
import { threatProducts, threatProductStixObjects, threatProductVulnerabilities, vulnerabilities } from '../db/schema';
import { ownedObjectIds } from '../stix/stix.product';

/** A database or a transaction: the index is rewritten in the transaction that changed the product. */
type Writer = Pick<Db<Record<string, unknown>>, 'select' | 'selectDistinct' | 'insert' | 'delete' | 'update'>;

// Products per round, and rows per INSERT (two parameters each, well under PostgreSQL's 65,535).
const PRODUCTS_PER_ROUND = 500;
const ROWS_PER_INSERT = 5_000;

/**
 * Rewrites the index of the objects these products own, from their rows and the catalog CVEs they
 * cite (a CVE the catalog does not list has no object, hence no `mitigates` either). Returns how
 * many products were indexed.
 */
export async function indexProductObjects(db: Writer, productIds: readonly string[]): Promise<number> {
  const ids = [...new Set(productIds)];
  for (let start = 0; start < ids.length; start += PRODUCTS_PER_ROUND) {
    const round = ids.slice(start, start + PRODUCTS_PER_ROUND);
    const t = threatProducts;
    const [products, cited] = await Promise.all([
      db.select({ id: t.id, indicators: t.indicators, recommendedActions: t.recommendedActions }).from(t).where(inArray(t.id, round)),
      db
        .select({ productId: threatProductVulnerabilities.productId, cveId: threatProductVulnerabilities.key })
        .from(threatProductVulnerabilities)
        .innerJoin(vulnerabilities, eq(vulnerabilities.cveId, threatProductVulnerabilities.key))
        .where(inArray(threatProductVulnerabilities.productId, round)),
    ]);
    const cves = new Map<string, string[]>();
    for (const { productId, cveId } of cited) cves.set(productId, [...(cves.get(productId) ?? []), cveId]);
    const rows = products.flatMap((p) => ownedObjectIds(p, (cves.get(p.id) ?? []).sort()).map((key) => ({ productId: p.id, key })));
    await db.delete(threatProductStixObjects).where(inArray(threatProductStixObjects.productId, round));
    for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
      await db.insert(threatProductStixObjects).values(rows.slice(at, at + ROWS_PER_INSERT));
    }
  }
  return ids.length;
}

/**
 * Indexes every product that has no index rows (each owns at least its report): all of them after
 * migration 0007, and any a seed wrote directly. Run at every start, so it costs one anti-join
 * when there is nothing to do.
 */
export async function indexUnindexedProducts(db: Writer): Promise<number> {
  const missing = await db
    .select({ id: threatProducts.id })
    .from(threatProducts)
    .where(notExists(db.select({ one: sql`1` }).from(threatProductStixObjects).where(eq(threatProductStixObjects.productId, threatProducts.id))));
  return indexProductObjects(db, missing.map((row) => row.id));
}

/**
 * Products citing CVEs that the catalog has just started to list now carry a vulnerability and
 * `mitigates` they did not: their bundle changed, so they count as changed (a new `modified` on
 * their objects, and TAXII pollers asking for what was added since see it), and are re-indexed.
 */
export async function refreshProductsCiting(db: Writer, newlyListedCves: readonly string[]): Promise<number> {
  if (newlyListedCves.length === 0) return 0;
  const citing = db
    .selectDistinct({ id: threatProductVulnerabilities.productId })
    .from(threatProductVulnerabilities)
    .where(inArray(threatProductVulnerabilities.key, [...newlyListedCves]));
  const touched = await db
    .update(threatProducts)
    .set({ updatedAt: sql`now()` })
    .where(inArray(threatProducts.id, citing))
    .returning({ id: threatProducts.id });
  return indexProductObjects(db, touched.map((row) => row.id));
}

/** The products that own these STIX ids (ids of shared objects and unknown ids own none). */
export async function productsOwning(db: Pick<Db<Record<string, unknown>>, 'selectDistinct'>, stixIds: readonly string[]): Promise<string[]> {
  if (stixIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: threatProductStixObjects.productId })
    .from(threatProductStixObjects)
    .where(inArray(threatProductStixObjects.key, [...stixIds]));
  return rows.map((row) => row.id);
}
