import { readFile } from 'node:fs/promises';
import { countDistinct, eq } from '@iag/kit/orm';
import type { Principal } from '@iag/kit';
import { startTestSubgraph, TEST_PRINCIPAL, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetSectors, threatProductVulnerabilities, vulnerabilityAssets, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { KEV_CATALOG_FILE } from '../seed-threat-intel';
import { buildDemoInfrastructure } from '../seed-infrastructure/demo';
import type { KevCatalog, KevEntry } from './kev.catalog';

let subgraph: StartedSubgraph<CisaSchema>;
let catalog: KevCatalog;
// The kit's test principal may read assets and import the catalog; writing assets needs one scope more.
const writer: Principal = { ...TEST_PRINCIPAL, scopes: [...TEST_PRINCIPAL.scopes, 'infrastructure:write'] };
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables, writer);
const demoAssets = buildDemoInfrastructure().assets;
/** The demo assets naming `technology` among theirs: what the links must hold, from the seed data alone. */
const running = (technology: string) => demoAssets.filter((a) => a.technologies?.includes(technology)).map((a) => a.id).sort();
const entry = (test: (v: KevEntry) => boolean) => catalog.vulnerabilities.find(test)!;

async function kevOf(assetId: string): Promise<string[]> {
  const { body } = await gql('query($id: ID!) { asset(id: $id) { knownExploitedVulnerabilities { cveId } } }', { id: assetId });
  expect(body.errors).toBeUndefined();
  return body.data.asset.knownExploitedVulnerabilities.map((v: { cveId: string }) => v.cveId);
}

async function affected(cveId: string): Promise<string[]> {
  const { body } = await gql('query($c: ID!) { vulnerability(cveId: $c) { affectedAssets(first: 100) { edges { node { id } } } } }', { c: cveId });
  expect(body.errors).toBeUndefined();
  return body.data.vulnerability.affectedAssets.edges.map((e: { node: { id: string } }) => e.node.id).sort();
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
  catalog = JSON.parse(await readFile(KEV_CATALOG_FILE, 'utf8'));
});
afterAll(() => subgraph?.close());

describe('links of KEV entries to assets', () => {
  it('match the demo assets by vendor and product words, as docs/kev.md says', async () => {
    const [totals] = await subgraph.database.db
      .select({ cves: countDistinct(vulnerabilityAssets.cveId), assets: countDistinct(vulnerabilityAssets.assetId), sectors: countDistinct(assetSectors.sectorCode) })
      .from(vulnerabilityAssets)
      .innerJoin(assetSectors, eq(assetSectors.assetId, vulnerabilityAssets.assetId));
    expect(totals).toEqual({ cves: 144, assets: 68, sectors: 16 });
    // "Cisco IOS XE" is named inside longer products, never confused with IOS XR or plain IOS.
    const xe = entry((v) => v.vendorProject === 'Cisco' && v.product === 'IOS and IOS XE Software');
    const xr = entry((v) => v.vendorProject === 'Cisco' && v.product === 'IOS XR');
    const plainIos = entry((v) => v.vendorProject === 'Cisco' && v.product === 'IOS Software');
    expect(await affected(xe.cveID)).toEqual(running('Cisco IOS XE'));
    expect(await affected(xr.cveID)).toEqual(running('Cisco IOS XR'));
    expect(await affected(plainIos.cveID)).toEqual([]);
    // A former product name that keeps the words: Pulse Connect Secure is Ivanti Connect Secure.
    const pulse = entry((v) => v.vendorProject === 'Ivanti' && v.product === 'Pulse Connect Secure');
    expect(await affected(pulse.cveID)).toEqual(running('Ivanti Connect Secure'));
    // A vaguer product than the technology does not match.
    const exchange = entry((v) => v.vendorProject === 'Microsoft' && v.product === 'Exchange');
    expect(await affected(exchange.cveID)).toEqual([]);
    expect(await affected('CVE-2023-4966')).toEqual(running('Citrix NetScaler ADC'));
  });

  it('follow an asset whose technologies are created or changed, in its own transaction', async () => {
    const create = await gql(
      `mutation($input: CreateAssetInput!) { createAsset(input: $input) { id knownExploitedVulnerabilities { cveId } } }`,
      { input: { name: 'Test landing', kind: 'CABLE_LANDING', countryCode: 'NL', technologies: ['citrix  netscaler-adc'], sectorCodes: ['ENERGY'] } },
    );
    expect(create.body.errors).toBeUndefined();
    const { id, knownExploitedVulnerabilities } = create.body.data.createAsset;
    expect(knownExploitedVulnerabilities.map((v: { cveId: string }) => v.cveId)).toContain('CVE-2023-4966');
    const update = (input: Record<string, unknown>, expectedVersion: number) =>
      gql('mutation($id: ID!, $v: Int!, $input: UpdateAssetInput!) { updateAsset(id: $id, expectedVersion: $v, input: $input) { version } }', {
        id, v: expectedVersion, input,
      });
    expect((await update({ technologies: ['Siemens SIMATIC'] }, 1)).body.errors).toBeUndefined();
    expect(await kevOf(id)).toEqual([entry((v) => v.vendorProject === 'Siemens' && v.product === 'SIMATIC CP').cveID]);
    expect((await update({ name: 'Renamed landing' }, 2)).body.errors).toBeUndefined();
    expect(await kevOf(id)).toHaveLength(1);
    expect((await update({ technologies: null }, 3)).body.errors).toBeUndefined();
    expect(await kevOf(id)).toEqual([]);
  });

  it('appear, with the products that already cited it, when a newer catalog adds an entry', async () => {
    const cveId = 'CVE-2099-1111';
    // A product that cited the CVE before our catalog had it (links are not checked against the catalog).
    await subgraph.database.db.insert(threatProductVulnerabilities).values({ productId: 'tp-06', key: cveId });
    const before = await gql(`{ vulnerability(cveId: "${cveId}") { cveId } }`);
    expect(before.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const added = { ...catalog.vulnerabilities[0], cveID: cveId, vendorProject: 'Siemens', product: 'SIMATIC S7-1500 CPU' };
    const newer = { ...catalog, catalogVersion: '2099.02.01', count: 1, vulnerabilities: [added] };
    const imported = await gql('mutation($c: String!) { importKevCatalog(catalog: $c) { added catalogVersion } }', { c: JSON.stringify(newer) });
    expect(imported.body.data.importKevCatalog).toEqual({ added: 1, catalogVersion: '2099.02.01' });
    const { body } = await gql(`{ vulnerability(cveId: "${cveId}") { threatProducts { id } affectedSectors { code } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.vulnerability.threatProducts).toEqual([{ id: 'tp-06' }]);
    expect(await affected(cveId)).toEqual(running('Siemens SIMATIC'));
    const sectors = body.data.vulnerability.affectedSectors.map((s: { code: string }) => s.code);
    expect(sectors).toEqual(expect.arrayContaining(['COMMUNICATIONS', 'INFORMATION_TECHNOLOGY']));
  });
});
