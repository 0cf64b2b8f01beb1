import { readFile } from 'node:fs/promises';
import { asc, eq, inArray } from '@iag/kit/orm';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threatProducts, threatProductStixObjects, threatProductVulnerabilities, vulnerabilities, type CisaSchema } from '../db/schema';
import type { KevCatalog } from '../kev/kev.catalog';
import { cisaMain } from '../main';
import { KEV_CATALOG_FILE } from '../seed-threat-intel';
import { courseOfActionId, mitigatesId, vulnerabilityId } from '../stix/stix.ids';
import { ownedObjectIds } from '../stix/stix.product';
import { indexUnindexedProducts } from './stix-object-index';

let subgraph: StartedSubgraph<CisaSchema>;
const db = () => subgraph.database.db;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

/** The index as stored, by product. */
async function stored(): Promise<Map<string, string[]>> {
  const rows = await db().select().from(threatProductStixObjects).orderBy(asc(threatProductStixObjects.key));
  const byProduct = new Map<string, string[]>();
  for (const { productId, key } of rows) byProduct.set(productId, [...(byProduct.get(productId) ?? []), key]);
  return byProduct;
}

/** What the index must hold: each product's own ids, derived from its row and its catalog CVEs. */
async function expected(): Promise<Map<string, string[]>> {
  const products = await db().select().from(threatProducts);
  const cited = await db()
    .select({ productId: threatProductVulnerabilities.productId, cveId: threatProductVulnerabilities.key })
    .from(threatProductVulnerabilities)
    .innerJoin(vulnerabilities, eq(vulnerabilities.cveId, threatProductVulnerabilities.key));
  return new Map(
    products.map((p) => [p.id, ownedObjectIds(p, cited.filter((c) => c.productId === p.id).map((c) => c.cveId)).sort()]),
  );
}

describe('the index of the STIX ids products own', () => {
  it('holds, after the seed, exactly the ids of the objects each product owns', async () => {
    const index = await stored();
    expect(index.size).toBe(44);
    expect(index).toEqual(await expected());
  });

  it('is filled at start for products that have no rows, as after migration 0007', async () => {
    await db().delete(threatProductStixObjects);
    expect(await indexUnindexedProducts(db())).toBe(44);
    expect(await stored()).toEqual(await expected());
    expect(await indexUnindexedProducts(db())).toBe(0);
  });

  it('follows a KEV import that lists a CVE products already cited: those products change, no others', async () => {
    const cveId = 'CVE-2099-2222';
    // Cited before our catalog had it (only possible outside the mutations, which check the catalog).
    await db().insert(threatProductVulnerabilities).values({ productId: 'tp-06', key: cveId });
    const before = await db().select({ id: threatProducts.id, updatedAt: threatProducts.updatedAt }).from(threatProducts);
    const catalog: KevCatalog = JSON.parse(await readFile(KEV_CATALOG_FILE, 'utf8'));
    const newer = { ...catalog, catalogVersion: '2099.03.01', count: 1, vulnerabilities: [{ ...catalog.vulnerabilities[0], cveID: cveId }] };
    const { body } = await subgraph.post('mutation($c: String!) { importKevCatalog(catalog: $c) { added } }', { c: JSON.stringify(newer) });
    expect(body.data.importKevCatalog.added).toBe(1);

    const after = new Map((await db().select({ id: threatProducts.id, updatedAt: threatProducts.updatedAt }).from(threatProducts)).map((r) => [r.id, r.updatedAt]));
    const changed = before.filter((r) => after.get(r.id)!.getTime() !== r.updatedAt.getTime()).map((r) => r.id);
    expect(changed).toEqual(['tp-06']);
    const [tp06] = await db().select().from(threatProducts).where(inArray(threatProducts.id, ['tp-06']));
    expect(tp06.recommendedActions.length).toBeGreaterThan(0);
    const index = await stored();
    for (const action of tp06.recommendedActions) {
      expect(index.get('tp-06')).toContain(mitigatesId(courseOfActionId('tp-06', action), vulnerabilityId(cveId)));
    }
    expect(index).toEqual(await expected());
  });

  it('gives a KEV entry changed by an import a new version, re-added with the products citing it', async () => {
    const cveId = 'CVE-2099-2222'; // listed by the previous test's import, cited by tp-06
    const [entry] = await db().select().from(vulnerabilities).where(eq(vulnerabilities.cveId, cveId));
    expect(entry.changedAt).toBeNull();
    const before = new Date();
    const catalog: KevCatalog = JSON.parse(await readFile(KEV_CATALOG_FILE, 'utf8'));
    const changed = { ...catalog.vulnerabilities[0], cveID: cveId, shortDescription: 'Now also exploited for lateral movement.' };
    const newer = { ...catalog, catalogVersion: '2099.04.01', count: 1, vulnerabilities: [changed] };
    const imported = await subgraph.post('mutation($c: String!) { importKevCatalog(catalog: $c) { updated } }', { c: JSON.stringify(newer) });
    expect(imported.body.data.importKevCatalog.updated).toBe(1);

    const { body } = await subgraph.post(`query($after: DateTimeISO) {
      threatProduct(id: "tp-06") { stixBundle }
      stixObjects(addedAfter: $after, first: 500) { edges { node { id type object } } } }`, { after: before.toISOString() });
    expect(body.errors).toBeUndefined();
    const inBundle = (body.data.threatProduct.stixBundle.objects as any[]).find((o) => o.type === 'vulnerability' && o.name === cveId);
    expect(inBundle.description).toBe('Now also exploited for lateral movement.');
    expect(Date.parse(inBundle.modified)).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(Date.parse(inBundle.modified)).toBeGreaterThan(Date.parse(inBundle.created));
    // A poller asking for what was added since gets the new version, with tp-06's report.
    const polled = body.data.stixObjects.edges.map((e: any) => e.node);
    expect(polled.find((n: any) => n.id === inBundle.id)?.object).toEqual(inBundle);
    expect(polled.filter((n: any) => n.type === 'report')).toHaveLength(1);
  });
});
