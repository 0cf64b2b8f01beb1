import type { Principal } from '@iag/kit';
import { auditLog } from '@iag/kit/audit-table';
import { and, arrayContains, count, eq } from '@iag/kit/orm';
import { TEST_PRINCIPAL, startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetLinks, dependencyRiskHistory, type CisaSchema } from '../db/schema';
import { cascadeUpstream } from '../impact/upstream.query';
import { cisaMain } from '../main';
import { personas } from '../test-personas';

let subgraph: StartedSubgraph<CisaSchema>;
const writer: Principal = { ...TEST_PRINCIPAL, scopes: [...TEST_PRINCIPAL.scopes, 'infrastructure:write'] };
const gql = (query: string, variables?: Record<string, unknown>, principal: Principal = writer) => subgraph.post(query, variables, principal);
const db = () => subgraph.database.db;
const rows = async () => ({
  links: (await db().select({ n: count() }).from(assetLinks))[0].n,
  history: (await db().select({ n: count() }).from(dependencyRiskHistory))[0].n,
  audits: (await db().select({ n: count() }).from(auditLog))[0].n,
});
const audited = async (id: string) =>
  (await db().select({ op: auditLog.operation }).from(auditLog).where(arrayContains(auditLog.objectIds, [id])).orderBy(auditLog.id)).map((r) => r.op);

const LINK = 'id kind coupling status rationale version asset { id } dependsOn { id }';
const CREATE = `mutation($input: CreateAssetLinkInput!, $key: String) { createAssetLink(input: $input, idempotencyKey: $key) { ${LINK} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateAssetLinkInput!, $key: String) {
  updateAssetLink(id: $id, expectedVersion: $v, input: $input, idempotencyKey: $key) { ${LINK} } }`;
const SIDES = `query($a: ID!, $s: ID!) {
  dependent: asset(id: $a) { dependsOn(first: 50) { edges { node { id dependsOn { id } } } } }
  supplier: asset(id: $s) { dependents(first: 50) { edges { node { id asset { id } } } } }
  impact(assetId: $s, maxDepth: 4) { affectedAssets { asset { id } } } }`;

/** The link ids on both sides of the pair, and the assets `impact` says fail with the supplier. */
async function sides(assetId: string, supplierId: string) {
  const { data } = await subgraph.measured(SIDES, { a: assetId, s: supplierId });
  return {
    dependsOn: data.dependent.dependsOn.edges.map((e: any) => e.node.id),
    dependents: data.supplier.dependents.edges.map((e: any) => e.node.id),
    impacted: data.impact.affectedAssets.map((a: any) => a.asset.id),
  };
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('asset link mutations', () => {
  const input = { assetId: 'asset-sg-loyang-campus', dependsOnAssetId: 'asset-kr-busan-port-datacentre', kind: 'LOGICAL', coupling: 'TIGHT', rationale: 'Shared customs platform.' };

  it('creates a link that both assets and the impact analysis then show, audited', async () => {
    const { body } = await gql(CREATE, { input });
    expect(body.errors).toBeUndefined();
    const link = body.data.createAssetLink;
    expect(link).toMatchObject({ kind: 'LOGICAL', coupling: 'TIGHT', status: 'ACTIVE', version: 1, asset: { id: input.assetId }, dependsOn: { id: input.dependsOnAssetId } });
    expect(link.id).toMatch(/^link-[0-9a-f-]{36}$/);
    const seen = await sides(input.assetId, input.dependsOnAssetId);
    expect(seen.dependsOn).toContain(link.id);
    expect(seen.dependents).toContain(link.id);
    expect(seen.impacted).toContain(input.assetId);
    expect(await audited(link.id)).toEqual(['createAssetLink']);
  });

  it('replays an idempotent create instead of creating twice', async () => {
    const again = { ...input, assetId: 'asset-jp-kitakami-fab' };
    const first = await gql(CREATE, { input: again, key: 'link-key-1' });
    const before = await rows();
    const replay = await gql(CREATE, { input: again, key: 'link-key-1' });
    expect(replay.body.errors).toBeUndefined();
    expect(replay.body.data.createAssetLink.id).toBe(first.body.data.createAssetLink.id);
    expect(await rows()).toEqual(before);
    const other = await gql(CREATE, { input: { ...again, coupling: 'LOOSE' }, key: 'link-key-1' });
    expect(other.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('refuses bad input with one error per field, and existing pairs, writing nothing', async () => {
    const before = await rows();
    const cases: [string, Record<string, unknown>, string[]][] = [
      [CREATE, { input: { ...input, assetId: 'asset-xx-nowhere', dependsOnAssetId: 'asset-xx-gone', rationale: 'x'.repeat(4001) } },
        ['input.assetId', 'input.dependsOnAssetId', 'input.rationale']],
      [CREATE, { input: { ...input, dependsOnAssetId: input.assetId } }, ['input.dependsOnAssetId']],
      [UPDATE, { id: 'link-01', v: 1, input: { kind: null, status: null, rationale: 'x'.repeat(4001) } }, ['input.kind', 'input.status', 'input.rationale']],
    ];
    for (const [query, variables, fields] of cases) {
      const { body } = await gql(query, variables);
      expect(body.errors.map((e: any) => e.extensions.code)).toEqual(fields.map(() => 'BAD_USER_INPUT'));
      expect(body.errors.map((e: any) => e.extensions.field)).toEqual(fields);
    }
    // An existing pair, active or retired, is a CONFLICT naming the link to update instead.
    for (const [assetId, dependsOnAssetId] of [['asset-fr-marseille-datacentre', 'asset-fr-marseille-landing'], ['asset-gb-widemouth-landing', 'asset-gb-bude-landing']]) {
      const [existing] = await db().select().from(assetLinks).where(and(eq(assetLinks.assetId, assetId), eq(assetLinks.dependsOnAssetId, dependsOnAssetId)));
      const { body } = await gql(CREATE, { input: { ...input, assetId, dependsOnAssetId } });
      expect(body.errors[0].extensions.code).toBe('CONFLICT');
      expect(body.errors[0].message).toContain(existing.id);
    }
    const missing = await gql(UPDATE, { id: 'link-nope', v: 1, input: { coupling: 'LOOSE' } });
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const stale = await gql(UPDATE, { id: 'link-01', v: 7, input: { coupling: 'LOOSE' } });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(await rows()).toEqual(before);
  });

  it('updates at the expected version, and retiring takes the link out of dependsOn and impact', async () => {
    const pair = { ...input, assetId: 'asset-jp-yokkaichi-fab' };
    const link = (await gql(CREATE, { input: pair })).body.data.createAssetLink;
    const updated = await gql(UPDATE, { id: link.id, v: 1, input: { kind: 'CYBER', rationale: null } });
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data.updateAssetLink).toMatchObject({ kind: 'CYBER', coupling: 'TIGHT', rationale: null, version: 2 });
    const [stored] = await db().select().from(assetLinks).where(eq(assetLinks.id, link.id));
    expect(stored.updatedAt.getTime()).toBeGreaterThan(stored.createdAt.getTime());
    const stale = await gql(UPDATE, { id: link.id, v: 1, input: { status: 'RETIRED' } });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');

    const retired = await gql(UPDATE, { id: link.id, v: 2, input: { status: 'RETIRED' } });
    expect(retired.body.data.updateAssetLink).toMatchObject({ status: 'RETIRED', version: 3 });
    const seen = await sides(pair.assetId, pair.dependsOnAssetId);
    expect(seen.dependsOn).not.toContain(link.id);
    expect(seen.dependents).not.toContain(link.id);
    expect(seen.impacted).not.toContain(pair.assetId);
    expect(await audited(link.id)).toEqual(['createAssetLink', 'updateAssetLink', 'updateAssetLink']);
  });

  it('rescores dependencies on the assets upstream of the supplier when a tight link comes and goes', async () => {
    // Marseille: landing -> data centre -> exchange, all tight, so 2 assets fail with the landing.
    const DEP = 'id riskFactors { factor contribution detail } riskHistory { edges { node { cause } } }';
    const created = await gql(`mutation($input: CreateDependencyInput!) { createDependency(input: $input) { ${DEP} } }`, {
      input: { assetId: 'asset-fr-marseille-landing', sectorCode: 'COMMUNICATIONS', kind: 'CYBER', coupling: 'TIGHT', criticality: 3, substitutability: 'MEDIUM' },
    });
    expect(created.body.errors).toBeUndefined();
    const dep = created.body.data.createDependency;
    const read = async () => (await subgraph.measured(`query($id: ID!) { dependency(id: $id) { ${DEP} } }`, { id: dep.id }, writer)).data.dependency;
    const spof = (d: any) => d.riskFactors.find((f: any) => f.factor === 'SINGLE_POINT_OF_FAILURE');
    const causes = (d: any) => d.riskHistory.edges.map((e: any) => e.node.cause);
    expect(spof(dep)).toMatchObject({ contribution: 6, detail: '2 other assets fail with it through tight links' });

    // A tight dependent two links under the landing: its cascade grows to 3 (15 x 3/5).
    const tight = { assetId: 'asset-gb-bude-landing', dependsOnAssetId: 'asset-fr-marseille-exchange', kind: 'PHYSICAL', coupling: 'TIGHT' };
    const link = (await gql(CREATE, { input: tight })).body.data.createAssetLink;
    const grown = await read();
    expect(spof(grown)).toMatchObject({ contribution: 9, detail: '3 other assets fail with it through tight links' });
    expect(causes(grown)).toEqual(['updated', 'created']);

    // A change that leaves the cascade as it was rescores nothing: no history row.
    await gql(UPDATE, { id: link.id, v: 1, input: { rationale: 'Backhaul through the Marseille exchange.' } });
    expect(causes(await read())).toEqual(['updated', 'created']);

    const retired = await gql(UPDATE, { id: link.id, v: 2, input: { status: 'RETIRED' } });
    expect(retired.body.errors).toBeUndefined();
    const back = await read();
    expect(spof(back)).toMatchObject({ contribution: 6 });
    expect(causes(back)).toEqual(['updated', 'updated', 'created']);
  });

  it('walks up from a supplier along tight links, once around a cycle, as far as a cascade reaches', async () => {
    // Exchange <- data centre <- landing <- Suez hub: the hub, 3 links up, still counts the exchange's dependents.
    expect((await cascadeUpstream(db(), 'asset-fr-marseille-exchange')).sort()).toEqual(
      ['asset-eg-suez-crossing', 'asset-fr-marseille-datacentre', 'asset-fr-marseille-exchange', 'asset-fr-marseille-landing'],
    );
    // The Estonian cycle: Balti substation -> Harku -> Püssi -> Balti.
    expect((await cascadeUpstream(db(), 'asset-ee-tallinn-substation')).sort()).toEqual(
      ['asset-ee-harku-converter', 'asset-ee-puessi-converter', 'asset-ee-tallinn-substation'],
    );
  });

  it('is refused to partners and to US principals without infrastructure:write', async () => {
    const before = await rows();
    for (const principal of [personas.partnerNl, personas.dhsAnalyst, TEST_PRINCIPAL]) {
      const { body } = await gql(CREATE, { input: { ...input, assetId: 'asset-nl-rotterdam-maasvlakte' } }, principal);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      const update = await gql(UPDATE, { id: 'link-01', v: 1, input: { status: 'RETIRED' } }, principal);
      expect(update.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await rows()).toEqual(before);
  });
});
