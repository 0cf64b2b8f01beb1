import { readFile } from 'node:fs/promises';
import { openDatabase, type Database } from '@iag/kit';
import { count, eq } from '@iag/kit/orm';
import { createTestDatabase, type TestDatabase } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, vulnerabilities, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { KEV_CATALOG_FILE } from '../seed-threat-intel';
import type { KevCatalog } from './kev.catalog';
import { importKevCatalog } from './kev.import';

let testDb: TestDatabase;
let database: Database<CisaSchema>;
let text: string;
let catalog: KevCatalog;

const storedCount = async () => (await database.db.select({ n: count() }).from(vulnerabilities))[0].n;
const stored = async (cveId: string) =>
  (await database.db.select().from(vulnerabilities).where(eq(vulnerabilities.cveId, cveId)))[0];

beforeAll(async () => {
  testDb = await createTestDatabase('cisa_kev');
  database = await openDatabase({ schema, url: testDb.url, poolSize: 2 });
  await database.migrate(cisaMain.migrationsFolder);
  text = await readFile(KEV_CATALOG_FILE, 'utf8');
  catalog = JSON.parse(text);
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

describe('importKevCatalog', () => {
  it('loads every entry of the catalog, then finds nothing to change on a second run', async () => {
    const first = await importKevCatalog(database.db, text);
    expect(first).toEqual({ added: catalog.count, updated: 0, unchanged: 0, catalogVersion: catalog.catalogVersion });
    expect(await storedCount()).toBe(catalog.count);

    const before = database.stats.statements;
    const second = await importKevCatalog(database.db, catalog);
    expect(second).toEqual({ added: 0, updated: 0, unchanged: catalog.count, catalogVersion: catalog.catalogVersion });
    // One comparison read per batch of 500 and no write.
    expect(database.stats.statements - before).toBe(Math.ceil(catalog.count / 500));
  });

  it('maps the catalog fields, "Known" ransomware use to true', async () => {
    const known = catalog.vulnerabilities.find((v) => v.knownRansomwareCampaignUse === 'Known')!;
    const unknown = catalog.vulnerabilities.find((v) => v.knownRansomwareCampaignUse === 'Unknown')!;
    expect(await stored(known.cveID)).toEqual({
      cveId: known.cveID,
      vendorProject: known.vendorProject,
      product: known.product,
      name: known.vulnerabilityName,
      dateAdded: known.dateAdded,
      shortDescription: known.shortDescription,
      requiredAction: known.requiredAction,
      dueDate: known.dueDate,
      knownRansomwareCampaignUse: true,
      notes: known.notes,
      cwes: known.cwes,
    });
    expect((await stored(unknown.cveID)).knownRansomwareCampaignUse).toBe(false);
  });

  it('counts added, updated and unchanged entries of a newer catalog', async () => {
    const [changed, ...rest] = catalog.vulnerabilities;
    const added = { ...changed, cveID: 'CVE-2099-0001', knownRansomwareCampaignUse: 'Known', cwes: undefined, notes: undefined };
    const newer = { ...catalog, count: catalog.count + 1, vulnerabilities: [{ ...changed, notes: 'Revised note.' }, ...rest, added] };
    expect(await importKevCatalog(database.db, newer)).toEqual({ added: 1, updated: 1, unchanged: catalog.count - 1, catalogVersion: catalog.catalogVersion });
    expect((await stored(changed.cveID)).notes).toBe('Revised note.');
    expect(await stored('CVE-2099-0001')).toMatchObject({ knownRansomwareCampaignUse: true, notes: '', cwes: [] });
  });

  it('refuses a malformed catalog with a message naming what is wrong, and writes nothing', async () => {
    const before = await storedCount();
    const [entry] = catalog.vulnerabilities;
    const one = (vulnerabilities: unknown[]) => ({ ...catalog, count: vulnerabilities.length, vulnerabilities });
    const { cveID: _missing, ...noCve } = entry;
    const attempts: [unknown, RegExp][] = [
      ['{ not json', /not valid JSON/],
      [[], /the document must be object/],
      [{ ...catalog, count: 3 }, /`count` is 3 but the catalog lists/],
      [{ count: 1, vulnerabilities: [entry] }, /catalogVersion is required; dateReleased is required/],
      [{ ...catalog, dateReleased: 'yesterday' }, /dateReleased must match format "date-time"/],
      [one([{ ...entry, cveID: 'CVE-1' }]), /vulnerabilities\[0\]\.cveID must match pattern/],
      [one([entry, noCve]), /vulnerabilities\[1\]\.cveID is required/],
      [one([{ ...entry, dueDate: 'soon' }]), /vulnerabilities\[0\]\.dueDate must match format "date"/],
      [one([{ ...entry, dateAdded: '2025-02-30' }]), /vulnerabilities\[0\]\.dateAdded must match format "date"/],
      [one([{ ...entry, cwes: ['79'] }]), /vulnerabilities\[0\]\.cwes\[0\] must match pattern/],
      [one([entry, entry]), /listed twice/],
    ];
    for (const [document, message] of attempts) {
      const error = await importKevCatalog(database.db, document).catch((e: unknown) => e);
      expect(error).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(await storedCount()).toBe(before);
  });
});
