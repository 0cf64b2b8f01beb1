import type { Principal } from '@iag/kit';
import { auditLog } from '@iag/kit/audit-table';
import { count, eq } from '@iag/kit/orm';
import { TEST_PRINCIPAL, startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets, dependencies, nationalCriticalFunctions, type CisaSchema } from './db/schema';
import { cisaMain } from './main';
import { personas } from './test-personas';

let subgraph: StartedSubgraph<CisaSchema>;
let functionCode: string;
const writer: Principal = { ...TEST_PRINCIPAL, scopes: [...TEST_PRINCIPAL.scopes, 'infrastructure:write'] };
const gql = (query: string, variables?: Record<string, unknown>, principal: Principal = writer) => subgraph.post(query, variables, principal);
const rows = async () => ({
  assets: (await subgraph.database.db.select({ n: count() }).from(assets))[0].n,
  dependencies: (await subgraph.database.db.select({ n: count() }).from(dependencies))[0].n,
  audits: (await subgraph.database.db.select({ n: count() }).from(auditLog))[0].n,
});

const ASSET = 'id name kind version technologies country { code } sectors { code }';
const DEP = 'id kind coupling criticality substitutability riskScore priority status version rationale country { code } function { code } sector { code } asset { id }';
const CREATE_ASSET = `mutation($input: CreateAssetInput!, $key: String) { createAsset(input: $input, idempotencyKey: $key) { ${ASSET} } }`;
const UPDATE_ASSET = `mutation($id: ID!, $v: Int!, $input: UpdateAssetInput!) { updateAsset(id: $id, expectedVersion: $v, input: $input) { ${ASSET} } }`;
const CREATE_DEP = `mutation($input: CreateDependencyInput!, $key: String) { createDependency(input: $input, idempotencyKey: $key) { ${DEP} } }`;
const UPDATE_DEP = `mutation($id: ID!, $v: Int!, $input: UpdateDependencyInput!) { updateDependency(id: $id, expectedVersion: $v, input: $input) { ${DEP} } }`;
const RETIRE_DEP = `mutation($id: ID!, $v: Int!) { retireDependency(id: $id, expectedVersion: $v) { ${DEP} } }`;

const newAsset = { name: 'Test Landing Station', kind: 'CABLE_LANDING', countryCode: 'PT', technologies: ['Cisco IOS XE'], sectorCodes: ['COMMUNICATIONS'] };
const depInput = (assetId: string) => ({
  assetId, functionCode, sectorCode: 'COMMUNICATIONS', kind: 'PHYSICAL', coupling: 'TIGHT', criticality: 5, substitutability: 'NONE', rationale: 'Only landing point.',
});

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
  [{ code: functionCode }] = await subgraph.database.db.select({ code: nationalCriticalFunctions.code }).from(nationalCriticalFunctions).limit(1);
});
afterAll(() => subgraph?.close());

describe('asset and dependency mutations', () => {
  it('creates and updates an asset; moving it moves its dependencies', async () => {
    const created = await gql(CREATE_ASSET, { input: newAsset });
    expect(created.body.errors).toBeUndefined();
    const asset = created.body.data.createAsset;
    expect(asset).toMatchObject({ name: 'Test Landing Station', version: 1, country: { code: 'PT' }, sectors: [{ code: 'COMMUNICATIONS' }] });
    const dep = (await gql(CREATE_DEP, { input: depInput(asset.id) })).body.data.createDependency;
    const updated = await gql(UPDATE_ASSET, { id: asset.id, v: 1, input: { countryCode: 'ES', sectorCodes: ['ENERGY', 'COMMUNICATIONS'] } });
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data.updateAsset).toMatchObject({ name: 'Test Landing Station', version: 2, country: { code: 'ES' } });
    expect(updated.body.data.updateAsset.sectors.map((s: { code: string }) => s.code).sort()).toEqual(['COMMUNICATIONS', 'ENERGY']);
    const [stored] = await subgraph.database.db.select().from(dependencies).where(eq(dependencies.id, dep.id));
    expect(stored.countryCode).toBe('ES');
  });

  it('creates, updates (recomputing the score) and retires a dependency', async () => {
    const created = await gql(CREATE_DEP, { input: depInput('asset-nl-rotterdam-maasvlakte') });
    expect(created.body.errors).toBeUndefined();
    const dep = created.body.data.createDependency;
    // docs/risk.md: 25 + 15 (NONE) + 10 (TIGHT) + 15 (the terminal's KEVs) + 5 (maturity unknown), plus recent threats.
    expect(dep).toMatchObject({ priority: 'CRITICAL', status: 'ACTIVE', version: 1, country: { code: 'NL' }, function: { code: functionCode } });
    expect(dep.riskScore).toBeGreaterThanOrEqual(70);
    const updated = await gql(UPDATE_DEP, { id: dep.id, v: 1, input: { criticality: 3, substitutability: 'MEDIUM', coupling: 'LOOSE', functionCode: null } });
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data.updateDependency).toMatchObject({ version: 2, function: null, rationale: 'Only landing point.' });
    // Only the local factors moved: criticality 25 -> 15, substitutability 15 -> 6, coupling 10 -> 3.
    expect(updated.body.data.updateDependency.riskScore).toBeCloseTo(dep.riskScore - 26, 5);
    const retired = await gql(RETIRE_DEP, { id: dep.id, v: 2 });
    expect(retired.body.data.retireDependency).toMatchObject({ status: 'RETIRED', version: 3 });
    const again = await gql(RETIRE_DEP, { id: dep.id, v: 3 });
    expect(again.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses bad input with one error per field and writes nothing', async () => {
    const before = await rows();
    const cases: [string, Record<string, unknown>, string[]][] = [
      [CREATE_DEP, { input: { ...depInput('asset-xx-nowhere'), functionCode: 'NO_SUCH', sectorCode: 'energy', criticality: 9, rationale: '' } },
        ['input.assetId', 'input.functionCode', 'input.sectorCode', 'input.criticality', 'input.rationale']],
      [CREATE_ASSET, { input: { ...newAsset, name: ' ', countryCode: 'Portugal', latitude: 91, sectorCodes: ['OK_CODE', 'x'] } },
        ['input.name', 'input.countryCode', 'input.latitude', 'input.sectorCodes[1]']],
      [UPDATE_ASSET, { id: 'asset-nl-rotterdam-maasvlakte', v: 1, input: { name: null, longitude: 200 } }, ['input.name', 'input.longitude']],
      [UPDATE_DEP, { id: 'dep-001', v: 1, input: { criticality: 0, kind: null } }, ['input.kind', 'input.criticality']],
    ];
    for (const [query, variables, fields] of cases) {
      const { body } = await gql(query, variables);
      expect(body.errors.map((e: any) => e.extensions.code)).toEqual(fields.map(() => 'BAD_USER_INPUT'));
      expect(body.errors.map((e: any) => e.extensions.field)).toEqual(fields);
    }
    expect(await rows()).toEqual(before);
  });

  it('replays an idempotent create instead of creating twice', async () => {
    const first = await gql(CREATE_DEP, { input: depInput('asset-nl-rotterdam-maasvlakte'), key: 'dep-key-1' });
    const before = await rows();
    const replay = await gql(CREATE_DEP, { input: depInput('asset-nl-rotterdam-maasvlakte'), key: 'dep-key-1' });
    expect(replay.body.data.createDependency.id).toBe(first.body.data.createDependency.id);
    expect(await rows()).toEqual(before);
    const other = await gql(CREATE_DEP, { input: { ...depInput('asset-nl-rotterdam-maasvlakte'), criticality: 2 }, key: 'dep-key-1' });
    expect(other.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('answers CONFLICT for a stale version and NOT_FOUND for an unknown id', async () => {
    const { body } = await gql(UPDATE_DEP, { id: 'dep-002', v: 7, input: { criticality: 2 } });
    expect(body.errors[0].extensions.code).toBe('CONFLICT');
    const stale = await gql(UPDATE_ASSET, { id: 'asset-nl-rotterdam-maasvlakte', v: 9, input: { name: 'X' } });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
    const missing = await gql(RETIRE_DEP, { id: 'dep-nope', v: 1 });
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('is refused to partners and to US principals without infrastructure:write', async () => {
    const before = await rows();
    for (const principal of [personas.partnerNl, personas.dhsAnalyst, TEST_PRINCIPAL]) {
      const { body } = await gql(CREATE_ASSET, { input: newAsset }, principal);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      const retire = await gql(RETIRE_DEP, { id: 'dep-003', v: 1 }, principal);
      expect(retire.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await rows()).toEqual(before);
  });
});
