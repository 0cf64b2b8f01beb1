import { readFile } from 'node:fs/promises';
import { openDatabase, type Database } from '@iag/kit';
import { count, eq } from '@iag/kit/orm';
import { createTestDatabase, type TestDatabase } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kevCatalogs, schema, vulnerabilities, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { KEV_CATALOG_FILE, seedThreatIntel } from '../seed-threat-intel';
import type { KevCatalog } from './kev.catalog';
import { importKevCatalog } from './kev.import';
import { latestKevCatalog } from './kev.record';

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
    const first = await importKevCatalog(database.db, text, 'test');
    expect(first).toEqual({ added: catalog.count, updated: 0, unchanged: 0, catalogVersion: catalog.catalogVersion });
    expect(await storedCount()).toBe(catalog.count);

    const before = database.stats.statements;
    const second = await importKevCatalog(database.db, catalog, 'test');
    expect(second).toEqual({ added: 0, updated: 0, unchanged: catalog.count, catalogVersion: catalog.catalogVersion });
    // One comparison read per batch of 500, no write of entries, and three statements whatever the
    // size: the version record, and the links rebuilt (a delete and one INSERT … SELECT).
    expect(database.stats.statements - before).toBe(Math.ceil(catalog.count / 500) + 3);
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
      // Not changed by any import since it was first listed.
      changedAt: null,
    });
    expect((await stored(unknown.cveID)).knownRansomwareCampaignUse).toBe(false);
  });

  it('counts added, updated and unchanged entries of a newer catalog', async () => {
    const [changed, ...rest] = catalog.vulnerabilities;
    const added = { ...changed, cveID: 'CVE-2099-0001', knownRansomwareCampaignUse: 'Known', cwes: undefined, notes: undefined };
    const newer = { ...catalog, count: catalog.count + 1, vulnerabilities: [{ ...changed, notes: 'Revised note.' }, ...rest, added] };
    expect(await importKevCatalog(database.db, newer, 'test')).toEqual({ added: 1, updated: 1, unchanged: catalog.count - 1, catalogVersion: catalog.catalogVersion });
    expect((await stored(changed.cveID)).notes).toBe('Revised note.');
    // The changed entry is stamped, the new one is not (it was listed, not changed), nor the rest.
    expect((await stored(changed.cveID)).changedAt).toBeInstanceOf(Date);
    expect(await stored('CVE-2099-0001')).toMatchObject({ knownRansomwareCampaignUse: true, notes: '', cwes: [], changedAt: null });
    expect((await stored(rest[0].cveID)).changedAt).toBeNull();
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
      const error = await importKevCatalog(database.db, document, 'test').catch((e: unknown) => e);
      expect(error).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(await storedCount()).toBe(before);
  });

  it('records each catalog version once, with its source and what its last import changed', async () => {
    const versions = async () => database.db.select().from(kevCatalogs).orderBy(kevCatalogs.version);
    const [bundled] = await versions();
    // The test before imported the same version with one entry more.
    expect(bundled).toMatchObject({ version: catalog.catalogVersion, count: catalog.count + 1, source: 'test', added: 1, updated: 1 });
    expect(bundled.dateReleased.toISOString()).toBe(new Date(catalog.dateReleased).toISOString());
    const newer = { ...catalog, catalogVersion: '2099.01.02', dateReleased: '2099-01-02T12:00:00.000Z' };
    await importKevCatalog(database.db, newer, 'first.json');
    await importKevCatalog(database.db, newer, 'second.json');
    const rows = await versions();
    expect(rows).toHaveLength(2);
    const second = rows[1];
    expect(second).toMatchObject({ version: '2099.01.02', source: 'second.json', added: 0, updated: 0, unchanged: catalog.count });
    expect(second.lastImportedAt.getTime()).toBeGreaterThan(second.firstImportedAt.getTime());
    // Re-importing the older release afterwards does not make it the latest: release date decides.
    await importKevCatalog(database.db, catalog, 'old.json');
    expect((await latestKevCatalog(database.db))?.version).toBe('2099.01.02');
    const invalid = await importKevCatalog(database.db, { ...newer, catalogVersion: '2099.01.03', count: 1 }, 'bad').catch((e) => e);
    expect(invalid.extensions.code).toBe('BAD_USER_INPUT');
    expect(await versions()).toHaveLength(2);
  });

  it('does not let the seed roll a newer imported release back to the bundled copy', async () => {
    const [first, ...rest] = catalog.vulnerabilities;
    const newer = { ...catalog, catalogVersion: '2099.01.03', dateReleased: '2099-01-03T00:00:00.000Z', vulnerabilities: [{ ...first, notes: 'Newer note.' }, ...rest] };
    await importKevCatalog(database.db, newer, 'newer.json');
    const { kev } = await seedThreatIntel(database, { demo: false });
    expect(kev).toMatchObject({ added: 0, updated: 0, catalogVersion: '2099.01.03', skipped: catalog.catalogVersion });
    expect((await stored(first.cveID)).notes).toBe('Newer note.');
  });
});
