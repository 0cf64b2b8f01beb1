import { readFile } from 'node:fs/promises';
import { auditLog } from '@iag/kit/audit-table';
import { count, eq } from '@iag/kit/orm';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kevCatalogs, vulnerabilities, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { KEV_CATALOG_FILE } from '../seed-threat-intel';
import { personas } from '../test-personas';
import type { KevCatalog } from './kev.catalog';

let subgraph: StartedSubgraph<CisaSchema>;
let catalog: KevCatalog;
const IMPORT = `mutation($c: String!) { importKevCatalog(catalog: $c) { added updated unchanged catalogVersion } }`;
const importAs = (document: unknown, principal?: Parameters<StartedSubgraph<CisaSchema>['post']>[2]) =>
  subgraph.post(IMPORT, { c: typeof document === 'string' ? document : JSON.stringify(document) }, principal);
const storedCount = async () => (await subgraph.database.db.select({ n: count() }).from(vulnerabilities))[0].n;
const stored = async (cveId: string) =>
  (await subgraph.database.db.select().from(vulnerabilities).where(eq(vulnerabilities.cveId, cveId)))[0];
const versions = async () => subgraph.database.db.select().from(kevCatalogs).orderBy(kevCatalogs.version);
const audits = async () =>
  (await subgraph.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.operation, 'importKevCatalog')))[0].n;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain, { demo: false });
  catalog = JSON.parse(await readFile(KEV_CATALOG_FILE, 'utf8'));
});
afterAll(() => subgraph?.close());

describe('importKevCatalog mutation', () => {
  it('adds and updates entries, then finds nothing to change on a second import', async () => {
    const [first] = catalog.vulnerabilities;
    const newer = {
      ...catalog,
      catalogVersion: '2099.01.01',
      count: 2,
      vulnerabilities: [{ ...first, notes: 'Revised by the mutation.' }, { ...first, cveID: 'CVE-2099-4242' }],
    };
    const { body } = await importAs(newer);
    expect(body.errors).toBeUndefined();
    expect(body.data.importKevCatalog).toEqual({ added: 1, updated: 1, unchanged: 0, catalogVersion: '2099.01.01' });
    expect((await stored(first.cveID)).notes).toBe('Revised by the mutation.');
    expect(await stored('CVE-2099-4242')).toMatchObject({ vendorProject: first.vendorProject });

    const again = await importAs(newer);
    expect(again.body.data.importKevCatalog).toEqual({ added: 0, updated: 0, unchanged: 2, catalogVersion: '2099.01.01' });
    expect(await audits()).toBe(2);
    // Recorded in the mutation's transaction, beside the seed's bundled copy.
    expect((await versions()).map((v) => [v.version, v.source, v.count, v.unchanged])).toEqual([
      [catalog.catalogVersion, 'seed', catalog.count, 0],
      ['2099.01.01', 'mutation', 2, 2],
    ]);
  });

  it('answers kevCatalog, the latest version, to anyone', async () => {
    for (const principal of [personas.anonymous, personas.partnerNl]) {
      const { body } = await subgraph.post('{ kevCatalog { version dateReleased count importedAt source } }', {}, principal);
      expect(body.errors).toBeUndefined();
      // Same release date as the bundled copy (the test document spreads it): the later import wins.
      expect(body.data.kevCatalog).toMatchObject({ version: '2099.01.01', count: 2, source: 'mutation' });
      expect(new Date(body.data.kevCatalog.dateReleased).toISOString()).toBe(new Date(catalog.dateReleased).toISOString());
      expect(Date.now() - Date.parse(body.data.kevCatalog.importedAt)).toBeLessThan(60_000);
    }
  });

  it('refuses a document that breaks the schema, naming each JSON path, and writes nothing', async () => {
    const before = { rows: await storedCount(), audits: await audits(), versions: (await versions()).length };
    const [first] = catalog.vulnerabilities;
    const { cveID: _missing, ...noCve } = first;
    const bad = { ...catalog, count: 2, vulnerabilities: [{ ...first, cveID: 'CVE-2099-7777', dateAdded: '2025-13-01' }, noCve] };
    const { body } = await importAs(bad);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'catalog' });
    expect(body.errors[0].message).toMatch(/vulnerabilities\[0\]\.dateAdded must match format "date"/);
    expect(body.errors[0].message).toMatch(/vulnerabilities\[1\]\.cveID is required/);

    const notJson = await importAs('{ nope');
    expect(notJson.body.errors[0]).toMatchObject({ message: expect.stringMatching(/not valid JSON/), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await stored('CVE-2099-7777')).toBeUndefined();
    expect({ rows: await storedCount(), audits: await audits(), versions: (await versions()).length }).toEqual(before);
  });

  it('is refused to partners and to US principals without kev:import', async () => {
    const document = { ...catalog, count: 1, vulnerabilities: [{ ...catalog.vulnerabilities[0], cveID: 'CVE-2099-8888' }] };
    for (const principal of [personas.partnerNl, personas.dhsAnalyst, personas.cisaNoScopes]) {
      const { body } = await importAs(document, principal);
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const anonymous = await importAs(document, personas.anonymous);
    expect(anonymous.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await stored('CVE-2099-8888')).toBeUndefined();
  });
});
