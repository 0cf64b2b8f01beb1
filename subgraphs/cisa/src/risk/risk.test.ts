import { startTestSubgraph, TEST_PRINCIPAL, type StartedSubgraph } from '@iag/kit/testing';
import { and, eq, sql } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assets,
  dependencies,
  dependencyRiskHistory,
  operatorMaturity,
  threatProductCountries,
  threatProducts,
  threatProductSectors,
  vulnerabilities,
  vulnerabilityAssets,
  type CisaSchema,
} from '../db/schema';
import { cisaMain } from '../main';
import { priorityOf } from './risk.factors';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>, principal = TEST_PRINCIPAL) => subgraph.post(query, variables, principal);
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);
const db = () => subgraph.database.db;
const WRITER = { ...TEST_PRINCIPAL, scopes: [...TEST_PRINCIPAL.scopes, 'infrastructure:write'] };
const REASSESS = `mutation { reassessRisk { assessed changed maturityRefreshed maturitySource assessedAt } }`;
const reassess = async () => {
  const { body } = await gql(REASSESS, undefined, WRITER);
  expect(body.errors).toBeUndefined();
  return body.data.reassessRisk;
};
const factorsOf = async (id: string) => {
  const { body } = await gql(`query($id: ID!) { dependency(id: $id) { riskScore riskFactors { factor value contribution detail } } }`, { id });
  expect(body.errors).toBeUndefined();
  return { score: body.data.dependency.riskScore as number, ...Object.fromEntries(body.data.dependency.riskFactors.map((f: any) => [f.factor, f])) } as any;
};
const historyCount = async (cause?: string) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(dependencyRiskHistory).where(cause ? eq(dependencyRiskHistory.cause, cause) : undefined))[0].n;

/** Runs an operation that must answer without errors; its data and the SQL statements it cost. */
const measured = (query: string, variables?: Record<string, unknown>) => subgraph.measured(query, variables);

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('the stored scores of the demo seed', () => {
  it('are, for every dependency, the sum of its listed factors, each with its first history row', async () => {
    const rows = await db().select().from(dependencies);
    expect(rows.length).toBeGreaterThan(150);
    for (const d of rows) {
      const factors = d.riskFactors as { contribution: number }[];
      expect(factors).toHaveLength(7);
      expect(d.riskScore).toBeCloseTo(Math.round(factors.reduce((s, f) => s + f.contribution, 0) * 10) / 10, 5);
      expect(d.priority).toBe(priorityOf(d.riskScore));
    }
    expect(await historyCount('created')).toBe(rows.length);
  });
});

describe('reassessRisk', () => {
  let baseline: Date;
  let scoresAtBaseline: Map<string, number>;

  it('rescored as of now; a second run changes nothing and writes no history', async () => {
    const first = await reassess();
    expect(first.maturitySource).toMatch(/^stored copy: Partners is not configured/);
    expect(first.maturityRefreshed).toBe(0);
    const rows = await historyCount();
    const second = await reassess();
    expect(second).toMatchObject({ assessed: first.assessed, changed: 0 });
    expect(await historyCount()).toBe(rows);
    baseline = new Date();
  });

  it('writes no row whose score stands, yet reports every ACTIVE dependency as assessed by the run', async () => {
    const stamps = async () => new Map((await db().select({ id: dependencies.id, at: dependencies.riskAssessedAt }).from(dependencies)).map((r) => [r.id, r.at.getTime()]));
    const before = await stamps();
    const run = await reassess();
    expect(run.changed).toBe(0);
    // No dependency row was rewritten: an hourly run leaves no dead row behind at any scale.
    expect(await stamps()).toEqual(before);
    const [retired] = await db().select().from(dependencies).where(eq(dependencies.status, 'RETIRED')).limit(1);
    const [active] = await db().select().from(dependencies).where(eq(dependencies.status, 'ACTIVE')).limit(1);
    const { body } = await gql(`query($a: ID!, $i: ID!) { a: dependency(id: $a) { riskAssessedAt } i: dependency(id: $i) { riskAssessedAt } }`, {
      a: active.id,
      i: retired.id,
    });
    expect(body.data.a.riskAssessedAt).toBe(run.assessedAt);
    // A retired one is not in a run: it keeps the time of its own last assessment.
    expect(body.data.i.riskAssessedAt).toBe(retired.riskAssessedAt.toISOString());
    expect(Date.parse(body.data.i.riskAssessedAt)).toBeLessThan(Date.parse(run.assessedAt));
  });

  it('moves KEV exposure, recent threats and operator maturity with their inputs, with history only for the moved', async () => {
    const [{ assetId, sectorCode, countryCode }] = await db().select().from(dependencies).where(eq(dependencies.id, 'dep-001'));
    const [{ operatorId }] = await db().select().from(assets).where(eq(assets.id, assetId));
    const siblings = (await db().select({ id: dependencies.id }).from(dependencies).where(and(eq(dependencies.assetId, assetId), eq(dependencies.status, 'ACTIVE')))).map((r) => r.id);
    // Set up: no KEV links on the asset; rescore so the baseline has none.
    await db().delete(vulnerabilityAssets).where(eq(vulnerabilityAssets.assetId, assetId));
    await reassess();
    const before = await factorsOf('dep-001');
    expect(before.KEV_EXPOSURE.contribution).toBe(0);
    const historyBefore = await historyCount('reassessed');
    baseline = new Date();
    scoresAtBaseline = new Map((await db().select().from(dependencies)).map((d) => [d.id, d.riskScore]));

    const [cve] = await db().select().from(vulnerabilities).where(eq(vulnerabilities.knownRansomwareCampaignUse, false)).limit(1);
    await db().insert(vulnerabilityAssets).values({ cveId: cve.cveId, assetId });
    await db().insert(threatProducts).values({ id: 'tp-risk-test', trackingId: 'RISK-TEST-1', kind: 'ALERT', title: 't', summary: 's', tlp: 'CLEAR', status: 'PUBLISHED', publishedAt: new Date() } as never);
    await db().insert(threatProductSectors).values({ productId: 'tp-risk-test', key: sectorCode });
    await db().insert(threatProductCountries).values({ productId: 'tp-risk-test', key: countryCode });
    await db().insert(operatorMaturity).values({ organizationId: operatorId!, level: 5, assessedOn: '2026-06-01' });
    const result = await reassess();

    const after = await factorsOf('dep-001');
    expect(after.KEV_EXPOSURE).toMatchObject({ value: 0.187, contribution: 2.8 });
    expect(after.KEV_EXPOSURE.detail).toContain(cve.cveId);
    expect(after.RECENT_THREATS.contribution).toBe(before.RECENT_THREATS.contribution + 5);
    expect(after.OPERATOR_MATURITY).toMatchObject({ value: 0, contribution: 0, detail: `operator ${operatorId} at maturity level 5 of 5 (assessed 2026-06-01)` });
    expect(after.score).toBeCloseTo(before.score + 2.8 + 5 - before.OPERATOR_MATURITY.contribution, 5);

    // Every dependency on the asset moved (KEV, maturity), plus those of the sector and country (threat).
    const moved = await db().select({ id: dependencyRiskHistory.dependencyId, cause: dependencyRiskHistory.cause }).from(dependencyRiskHistory).where(sql`${dependencyRiskHistory.assessedAt} > ${baseline.toISOString()}::timestamptz`);
    expect(moved.every((m) => m.cause === 'reassessed')).toBe(true);
    expect(moved.length).toBe(result.changed);
    expect(await historyCount('reassessed')).toBe(historyBefore + result.changed);
    for (const id of siblings) expect(moved.map((m) => m.id)).toContain(id);
    const sameRegion = await db().select({ id: dependencies.id }).from(dependencies).where(and(eq(dependencies.sectorCode, sectorCode), eq(dependencies.countryCode, countryCode), eq(dependencies.status, 'ACTIVE')));
    const expected = new Set([...siblings, ...sameRegion.map((r) => r.id)]);
    // The operator may run other assets too: their dependencies moved as well, and nothing else did.
    const operatorDeps = await db().select({ id: dependencies.id }).from(dependencies).innerJoin(assets, eq(assets.id, dependencies.assetId)).where(and(eq(assets.operatorId, operatorId!), eq(dependencies.status, 'ACTIVE')));
    for (const r of operatorDeps) expected.add(r.id);
    expect(new Set(moved.map((m) => m.id))).toEqual(expected);
  });

  it('riskMovements since the baseline lists exactly the moved dependencies, largest change first, with the factors that moved', async () => {
    const { body } = await gql(`query($since: DateTimeISO!) { riskMovements(since: $since, first: 100) { totalCount edges { node {
      dependency { id } scoreThen scoreNow change priorityThen priorityNow factorChanges { factor contributionThen contributionNow change } } } } }`, { since: baseline.toISOString() });
    expect(body.errors).toBeUndefined();
    const list = nodes(body.data.riskMovements);
    // Moved = the score differs (a factor may move while another moves back by as much: not listed).
    const now = await db().select().from(dependencies).where(eq(dependencies.status, 'ACTIVE'));
    const moved = now.filter((d) => d.riskScore !== scoresAtBaseline.get(d.id));
    expect(moved.length).toBeGreaterThan(0);
    expect(new Set(list.map((m: any) => m.dependency.id))).toEqual(new Set(moved.map((m) => m.id)));
    expect(body.data.riskMovements.totalCount).toBe(list.length);
    const changes = list.map((m: any) => Math.abs(m.change));
    expect(changes.every((c: number, k: number) => k === 0 || changes[k - 1] >= c)).toBe(true);
    const dep1 = list.find((m: any) => m.dependency.id === 'dep-001');
    expect(dep1.change).toBeCloseTo(dep1.scoreNow - dep1.scoreThen, 5);
    expect(dep1.factorChanges.map((f: any) => f.factor).sort()).toEqual(['KEV_EXPOSURE', 'OPERATOR_MATURITY', 'RECENT_THREATS']);
    expect(dep1.factorChanges.find((f: any) => f.factor === 'KEV_EXPOSURE')).toMatchObject({ contributionThen: 0, contributionNow: 2.8, change: 2.8 });
    const filtered = await gql(`query($since: DateTimeISO!) { riskMovements(since: $since, country: "ZZ") { totalCount edges { node { scoreNow } } } }`, { since: baseline.toISOString() });
    expect(filtered.body.data.riskMovements).toEqual({ totalCount: 0, edges: [] });
  });

  it('riskMovements costs the same statements for 2 movements as for 8', async () => {
    const query = `query($since: DateTimeISO!, $n: Int) { riskMovements(since: $since, first: $n) { totalCount edges { node {
      dependency { id riskFactors { factor } asset { name } } change factorChanges { factor change } } } } }`;
    const two = await measured(query, { since: baseline.toISOString(), n: 2 });
    const more = await measured(query, { since: baseline.toISOString(), n: 8 });
    expect(two.data.riskMovements.edges).toHaveLength(2);
    expect(more.data.riskMovements.edges.length).toBeGreaterThan(2);
    // the movements with their total, the dependencies, their assets
    expect(two.statements).toBe(3);
    expect(more.statements).toBe(3);
  });

  it('riskHistory lists the assessments newest first, with since and pages', async () => {
    const { body } = await gql(`{ dependency(id: "dep-001") { riskHistory { totalCount edges { cursor node { cause riskScore priority assessedAt factors { factor } } } } } }`);
    expect(body.errors).toBeUndefined();
    const history = nodes(body.data.dependency.riskHistory);
    expect(history.at(-1).cause).toBe('created');
    expect(history[0].cause).toBe('reassessed');
    expect(history[0].factors).toHaveLength(7);
    expect(body.data.dependency.riskHistory.totalCount).toBe(history.length);
    const times = history.map((h: any) => Date.parse(h.assessedAt));
    expect(times.every((t: number, k: number) => k === 0 || times[k - 1] >= t)).toBe(true);
    const since = await gql(`query($since: DateTimeISO) { dependency(id: "dep-001") { riskHistory(since: $since, first: 1) { totalCount edges { node { cause } } pageInfo { hasNextPage } } } }`, { since: baseline.toISOString() });
    expect(since.body.data.dependency.riskHistory).toEqual({ totalCount: 1, edges: [{ node: { cause: 'reassessed' } }], pageInfo: { hasNextPage: false } });
  });

  it('costs the same statements for riskFactors and riskHistory on 5 dependencies as on 50', async () => {
    const query = `query($n: Int) { dependencies(first: $n) { edges { node { id riskFactors { factor contribution } riskAssessedAt riskHistory(first: 3) { totalCount edges { node { riskScore cause } } } } } } }`;
    const five = await measured(query, { n: 5 });
    const fifty = await measured(query, { n: 50 });
    expect(fifty.data.dependencies.edges).toHaveLength(50);
    // the page, the histories, their totals, the latest full reassessment (riskAssessedAt)
    expect(five.statements).toBe(4);
    expect(fifty.statements).toBe(4);
  });
});

describe('prioritizedDependencies', () => {
  const query = `query($country: ID, $sector: ID, $first: Int, $after: String) { prioritizedDependencies(country: $country, sector: $sector, first: $first, after: $after) {
    totalCount edges { node { id riskScore criticality status country { code } sector { code } } } pageInfo { endCursor hasNextPage } } }`;

  it('lists active dependencies by score, then criticality, then id; 10 by default', async () => {
    const { body } = await gql(query, {});
    expect(body.errors).toBeUndefined();
    expect(body.data.prioritizedDependencies.edges).toHaveLength(10);
    const all = nodes((await gql(query, { first: 100 })).body.data.prioritizedDependencies);
    const active = await db().select().from(dependencies).where(eq(dependencies.status, 'ACTIVE'));
    const expected = [...active].sort((a, b) => b.riskScore - a.riskScore || b.criticality - a.criticality || (a.id < b.id ? -1 : 1));
    expect(all.map((d: any) => d.id)).toEqual(expected.slice(0, 100).map((d) => d.id));
    expect(body.data.prioritizedDependencies.totalCount).toBe(active.length);
  });

  it('filters by country and sector, and refuses a page over 100', async () => {
    const nl = nodes((await gql(query, { country: 'nl', first: 100 })).body.data.prioritizedDependencies);
    expect(nl.length).toBeGreaterThan(5);
    expect(nl.every((d: any) => d.country.code === 'NL' && d.status === 'ACTIVE')).toBe(true);
    const energy = nodes((await gql(query, { country: 'NL', sector: 'ENERGY', first: 100 })).body.data.prioritizedDependencies);
    expect(energy.every((d: any) => d.sector.code === 'ENERGY' && d.country.code === 'NL')).toBe(true);
    expect((await gql(query, { first: 101 })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('access', () => {
  const noDeps = { ...TEST_PRINCIPAL, scopes: TEST_PRINCIPAL.scopes.filter((s) => s !== 'dependencies:read') };
  const noMaturity = { ...TEST_PRINCIPAL, scopes: TEST_PRINCIPAL.scopes.filter((s) => s !== 'maturity:read') };

  it('refuses prioritizedDependencies and riskMovements without dependencies:read', async () => {
    const a = await gql('{ prioritizedDependencies { totalCount } }', undefined, noDeps);
    expect(a.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const b = await gql('{ riskMovements(since: "2026-01-01T00:00:00Z") { totalCount } }', undefined, noDeps);
    expect(b.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const c = await gql(REASSESS, undefined, TEST_PRINCIPAL);
    expect(c.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('hides the operator maturity level and date without maturity:read', async () => {
    const query = `{ dependency(id: "dep-001") { riskFactors { factor detail } riskHistory(first: 1) { edges { node { factors { factor detail } } } } } }`;
    const seen = (await gql(query)).body.data.dependency;
    expect(seen.riskFactors.find((f: any) => f.factor === 'OPERATOR_MATURITY').detail).toMatch(/level 5 of 5 \(assessed 2026-06-01\)/);
    const hidden = (await gql(query, undefined, noMaturity)).body.data.dependency;
    const details = [hidden.riskFactors, hidden.riskHistory.edges[0].node.factors].map((list) => list.find((f: any) => f.factor === 'OPERATOR_MATURITY').detail);
    for (const detail of details) {
      expect(detail).toContain('needs maturity:read');
      expect(detail).not.toMatch(/level|2026/);
    }
  });
});
