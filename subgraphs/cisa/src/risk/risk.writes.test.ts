// The write paths and the Partners path of risk: scores written with the dependency in one
// transaction, and maturity fetched from a fake Partners (a tiny HTTP server answering `_entities`).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairJwk } from '@iag/kit';
import { startTestSubgraph, TEST_PRINCIPAL, type StartedSubgraph } from '@iag/kit/testing';
import { eq, isNotNull } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets, dependencyRiskHistory, operatorMaturity, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { createMaturityClient, MaturityFetchError } from './maturity.client';
import { createReassessJob, parseReassessSeconds } from './reassess.job';

let subgraph: StartedSubgraph<CisaSchema>;
let partners: Server;
let partnersUp = true;
const calls: { ids: string[]; token: Record<string, unknown> }[] = [];
const WRITER = { ...TEST_PRINCIPAL, scopes: [...TEST_PRINCIPAL.scopes, 'infrastructure:write'] };
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables, WRITER);
const REASSESS = `mutation { reassessRisk { assessed changed maturityRefreshed maturitySource } }`;

/** Partners' answer: operators whose id sorts first are level 2, assessed 2026-03-01; others never assessed. */
function answer(body: { query: string; variables: { r?: { __typename: string; id: string }[] } }, authorization: string) {
  if (!body.query.includes('_entities') || !body.variables.r) return { errors: [{ message: 'not here', extensions: { code: 'BAD_USER_INPUT' } }] };
  const ids = body.variables.r.map((r) => r.id);
  calls.push({ ids, token: JSON.parse(Buffer.from(authorization.split('.')[1], 'base64url').toString()) });
  return { data: { _entities: ids.map((id) => ({ id, maturity: id < 'm' ? { level: 2, assessedOn: '2026-03-01' } : null })) } };
}

beforeAll(async () => {
  partners = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (!partnersUp) return void res.writeHead(503).end('down');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(JSON.parse(raw), String(req.headers.authorization))));
    });
  });
  await new Promise<void>((resolve) => partners.listen(0, '127.0.0.1', resolve));
  const keys = await generateKeyPairJwk('EdDSA');
  subgraph = await startTestSubgraph(cisaMain, {
    env: {
      PARTNERS_URL: `http://127.0.0.1:${(partners.address() as AddressInfo).port}/graphql`,
      DISSEMINATION_JWT_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
      RISK_REASSESS_SECONDS: '0',
    },
  });
});
afterAll(async () => {
  await subgraph?.close();
  partners?.close();
});

describe('dependency writes', () => {
  const DEP = 'id version riskScore priority riskFactors { factor contribution } riskHistory { totalCount edges { node { cause riskScore } } }';
  const input = { assetId: 'asset-nl-rotterdam-maasvlakte', sectorCode: 'COMMUNICATIONS', kind: 'PHYSICAL', coupling: 'TIGHT', criticality: 5, substitutability: 'NONE' };

  it('scores a created dependency with every factor and its first history row, and an update with another', async () => {
    const created = await gql(`mutation($input: CreateDependencyInput!) { createDependency(input: $input) { ${DEP} } }`, { input });
    expect(created.body.errors).toBeUndefined();
    const dep = created.body.data.createDependency;
    const sum = dep.riskFactors.reduce((s: number, f: any) => s + f.contribution, 0);
    expect(dep.riskScore).toBeCloseTo(sum, 5);
    expect(dep.riskFactors).toHaveLength(7);
    expect(dep.riskHistory).toEqual({ totalCount: 1, edges: [{ node: { cause: 'created', riskScore: dep.riskScore } }] });

    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateDependencyInput!) { updateDependency(id: $id, expectedVersion: $v, input: $input) { ${DEP} } }`;
    const updated = (await gql(UPDATE, { id: dep.id, v: 1, input: { criticality: 2, coupling: 'LOOSE' } })).body.data.updateDependency;
    expect(updated.riskScore).toBeCloseTo(dep.riskScore - 15 - 7, 5);
    expect(updated.riskHistory.edges.map((e: any) => e.node.cause)).toEqual(['updated', 'created']);

    // A stale version writes nothing: neither the row nor a history row.
    const stale = await gql(UPDATE, { id: dep.id, v: 1, input: { criticality: 1 } });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
    const rows = await subgraph.database.db.select().from(dependencyRiskHistory).where(eq(dependencyRiskHistory.dependencyId, dep.id));
    expect(rows).toHaveLength(2);
  });
});

describe('maturity from Partners', () => {
  it('refreshes every asset operator through _entities as service:cisa-risk, in batches, and scores with it', async () => {
    const result = (await gql(REASSESS)).body.data.reassessRisk;
    const operators = await subgraph.database.db.selectDistinct({ id: assets.operatorId }).from(assets).where(isNotNull(assets.operatorId));
    expect(result).toMatchObject({ maturitySource: 'partners', maturityRefreshed: operators.length });
    expect(calls.flatMap((c) => c.ids).sort()).toEqual(operators.map((o) => o.id).sort());
    expect(calls[0].token).toMatchObject({ sub: 'service:cisa-risk', aud: 'partners' });
    const stored = await subgraph.database.db.select().from(operatorMaturity);
    expect(stored).toHaveLength(operators.length);
    const assessed = stored.find((m) => m.level === 2)!;
    expect(assessed.assessedOn).toBe('2026-03-01');
    const { body } = await gql(`{ dependencies(first: 100) { edges { node { asset { operator { id } } riskFactors { factor value detail } } } } }`);
    const maturity = body.data.dependencies.edges
      .map((e: any) => e.node.riskFactors.find((f: any) => f.factor === 'OPERATOR_MATURITY'))
      .filter((f: any) => f.detail.includes(`operator ${assessed.organizationId} `));
    expect(maturity.length).toBeGreaterThan(0);
    for (const f of maturity) expect(f).toMatchObject({ value: 0.75, detail: `operator ${assessed.organizationId} at maturity level 2 of 5 (assessed 2026-03-01)` });
  });

  it('reassesses with the stored copy, and says so, when Partners is down', async () => {
    partnersUp = false;
    try {
      const before = await subgraph.database.db.select().from(operatorMaturity);
      const { body } = await gql(REASSESS);
      expect(body.errors).toBeUndefined();
      expect(body.data.reassessRisk).toMatchObject({ maturitySource: 'stored copy: Partners answered HTTP 503 without GraphQL', maturityRefreshed: 0 });
      expect(body.data.reassessRisk.assessed).toBeGreaterThan(100);
      expect(await subgraph.database.db.select().from(operatorMaturity)).toEqual(before);
    } finally {
      partnersUp = true;
    }
  });

  it('asks at most 200 organizations per call, and names an unreachable Partners and a timeout in its error', async () => {
    const keys = await generateKeyPairJwk('EdDSA');
    calls.length = 0;
    const client = await createMaturityClient({ partnersUrl: `http://127.0.0.1:${(partners.address() as AddressInfo).port}/graphql`, privateJwk: keys.privateJwk });
    const many = Array.from({ length: 450 }, (_, k) => `org-${k}`);
    expect(await client(many)).toHaveLength(450);
    expect(calls.map((c) => c.ids.length)).toEqual([200, 200, 50]);

    const unreachable = await createMaturityClient({ partnersUrl: 'http://127.0.0.1:1/graphql', privateJwk: keys.privateJwk });
    await expect(unreachable(['x'])).rejects.toThrow(MaturityFetchError);
    await expect(unreachable(['x'])).rejects.toThrow(/Partners unreachable/);
    const slow = createServer(() => {});
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const client = await createMaturityClient({ partnersUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, privateJwk: keys.privateJwk }, 200);
      await expect(client(['x'])).rejects.toThrow('Partners did not answer within 0.2 s');
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });
});

describe('the periodic job', () => {
  it('reads RISK_REASSESS_SECONDS once, warning on a bad value', () => {
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) } as never;
    expect(parseReassessSeconds(undefined, logger)).toBe(3600);
    expect(parseReassessSeconds({ RISK_REASSESS_SECONDS: '0' }, logger)).toBe(0);
    expect(parseReassessSeconds({ RISK_REASSESS_SECONDS: '90' }, logger)).toBe(90);
    expect(warnings).toEqual([]);
    expect(parseReassessSeconds({ RISK_REASSESS_SECONDS: 'soon' }, logger)).toBe(3600);
    expect(parseReassessSeconds({ RISK_REASSESS_SECONDS: '-5' }, logger)).toBe(3600);
    expect(warnings).toHaveLength(2);
  });

  it('reassesses every interval, logs rather than throws, and stops', async () => {
    const lines: string[] = [];
    const log = (m: unknown, msg?: string) => lines.push(String(msg ?? m));
    const logger = { info: log, warn: log, error: log, debug: log } as never;
    const before = calls.length;
    const job = createReassessJob({ database: subgraph.database, logger, seconds: 1 });
    job.start();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await job.stop();
    const runs = lines.filter((l) => l === 'risk reassessment done').length;
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeGreaterThan(before); // maturity fetched from the fake Partners each run
    const after = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(lines.length).toBe(after);
  });
});
