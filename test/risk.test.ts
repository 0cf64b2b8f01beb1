// The risk score through the gateway, as analysts use it: priorities whose factors add up, the
// operator's maturity brought from Partners through its API (not its database), what moved since
// a date and why, and who may see any of it. Real HTTP requests with real tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';

const analyst = personas['cisa-analyst'];

const PRIORITIES = /* GraphQL */ `
  query Priorities($country: ID, $sector: ID, $first: Int) {
    prioritizedDependencies(country: $country, sector: $sector, first: $first) {
      edges { node { id riskScore priority criticality country { code } sector { code }
        riskFactors { factor weight value contribution detail }
        asset { id operator { id name } } } }
    }
  }
`;

const MOVEMENTS = /* GraphQL */ `
  query Movements($since: DateTimeISO!) {
    riskMovements(since: $since, first: 50) {
      totalCount
      edges { node { scoreThen scoreNow change factorChanges { factor contributionThen contributionNow change }
        dependency { id asset { operator { id } } } } }
    }
  }
`;

const round1 = (n: number) => Math.round(n * 10) / 10;
const factor = (node: any, kind: string) => node.riskFactors.find((f: any) => f.factor === kind);

let hub: Hub;
beforeAll(async () => {
  // With dissemination: CISA knows Partners' URL and signs with its own service key, which Partners
  // trusts for the dispatcher and for the risk assessor.
  hub = await startHub({}, { dissemination: true });
});
afterAll(() => hub?.close());

describe('priorities and their factors', () => {
  it('lists the top dependencies by score, each score the sum of its factors', async () => {
    const { body } = await hub.as(analyst, PRIORITIES, { first: 50 });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.prioritizedDependencies.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(50);
    for (let i = 1; i < nodes.length; i++) expect(nodes[i - 1].riskScore).toBeGreaterThanOrEqual(nodes[i].riskScore);
    for (const node of nodes) {
      expect(node.riskFactors.map((f: any) => f.factor).sort()).toEqual(
        ['COUPLING', 'CRITICALITY', 'KEV_EXPOSURE', 'OPERATOR_MATURITY', 'RECENT_THREATS', 'SINGLE_POINT_OF_FAILURE', 'SUBSTITUTABILITY'],
      );
      expect(round1(node.riskFactors.reduce((sum: number, f: any) => sum + f.contribution, 0))).toBe(node.riskScore);
      for (const f of node.riskFactors) expect(f.contribution).toBe(round1(f.weight * f.value));
      expect(factor(node, 'CRITICALITY').value).toBe(node.criticality / 5);
    }
  });

  it('filters by country and sector', async () => {
    const { body } = await hub.as(analyst, PRIORITIES, { country: 'NL', sector: 'TRANSPORTATION_SYSTEMS', first: 20 });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.prioritizedDependencies.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n: any) => n.country.code === 'NL' && n.sector.code === 'TRANSPORTATION_SYSTEMS')).toBe(true);
  });
});

describe("operators' maturity, from Partners through the graph", () => {
  let before: string;

  it("reassesses with each operator's latest maturity as Partners reports it to the graph", async () => {
    const run = await hub.as(analyst, 'mutation { reassessRisk { assessed changed maturityRefreshed maturitySource } }');
    expect(run.body.errors).toBeUndefined();
    expect(run.body.data.reassessRisk.maturitySource).toBe('partners');
    expect(run.body.data.reassessRisk.maturityRefreshed).toBeGreaterThan(0);
    before = new Date().toISOString();

    const { body } = await hub.as(
      analyst,
      '{ dependencies(first: 100) { edges { node { riskFactors { factor value detail } asset { operator { id maturity { level assessedOn } } } } } } }',
    );
    expect(body.errors).toBeUndefined();
    const assessed = body.data.dependencies.edges.map((e: any) => e.node).filter((n: any) => n.asset.operator?.maturity);
    expect(assessed.length).toBeGreaterThan(0);
    for (const node of assessed) {
      const { level, assessedOn } = node.asset.operator.maturity;
      const maturity = factor(node, 'OPERATOR_MATURITY');
      expect(maturity.value).toBe((5 - level) / 4);
      expect(maturity.detail).toContain(`level ${level}`);
      expect(maturity.detail).toContain(assessedOn);
    }
  });

  it('shows what moved since a date, and why, after a new maturity assessment', async () => {
    const { body } = await hub.as(analyst, PRIORITIES, { first: 100 });
    const target = body.data.prioritizedDependencies.edges
      .map((e: any) => e.node)
      .find((n: any) => n.asset.operator && factor(n, 'OPERATOR_MATURITY').value > 0);
    expect(target).toBeDefined();
    const operatorId = target.asset.operator.id;

    // Partners records the operator at level 5 (today), through its own mutation.
    const recorded = await hub.as(
      analyst,
      'mutation($input: RecordMaturityAssessmentInput!) { recordMaturityAssessment(input: $input) { level } }',
      { input: { organizationId: operatorId, level: 5, assessedOn: new Date().toISOString().slice(0, 10), method: 'CISA_ASSESSMENT' } },
    );
    expect(recorded.body.errors).toBeUndefined();
    const run = await hub.as(analyst, 'mutation { reassessRisk { changed maturitySource } }');
    expect(run.body.data.reassessRisk).toMatchObject({ maturitySource: 'partners' });
    expect(run.body.data.reassessRisk.changed).toBeGreaterThan(0);

    const moved = await hub.as(analyst, MOVEMENTS, { since: before });
    expect(moved.body.errors).toBeUndefined();
    const movements = moved.body.data.riskMovements.edges.map((e: any) => e.node);
    // Only the operator's dependencies moved, each only for its maturity, by exactly that factor.
    expect(movements.length).toBe(run.body.data.reassessRisk.changed);
    expect(movements.map((m: any) => m.dependency.id)).toContain(target.id);
    for (const m of movements) {
      expect(m.dependency.asset.operator.id).toBe(operatorId);
      expect(m.factorChanges.map((f: any) => f.factor)).toEqual(['OPERATOR_MATURITY']);
      expect(m.factorChanges[0].contributionNow).toBe(0);
      expect(round1(m.scoreNow - m.scoreThen)).toBe(m.change);
      expect(m.change).toBe(m.factorChanges[0].change);
      expect(m.change).toBeLessThan(0);
    }
  });
});

describe('who may see risk', () => {
  it("hides an operator's maturity from a reader without maturity:read, and nothing else", async () => {
    const { body } = await hub.as(personas['dhs-coordinator'], PRIORITIES, { first: 20 });
    expect(body.errors).toBeUndefined();
    for (const node of body.data.prioritizedDependencies.edges.map((e: any) => e.node)) {
      expect(factor(node, 'OPERATOR_MATURITY').detail).toMatch(/needs maturity:read/);
      expect(factor(node, 'OPERATOR_MATURITY').detail).not.toMatch(/level \d/);
      expect(factor(node, 'CRITICALITY').detail).not.toMatch(/needs/);
    }
  });

  const refused = [
    ['a partner', personas['partner-nl'], 'FORBIDDEN'],
    ['US government without dependencies:read', personas['state-officer'], 'FORBIDDEN'],
    ['anonymous', personas.anonymous, 'UNAUTHENTICATED'],
  ] as const;

  it.each(refused)('%s sees no priority, movement or factor, on any path', async (_who, principal, code) => {
    for (const [query, variables] of [
      [PRIORITIES, { first: 5 }],
      [MOVEMENTS, { since: '2020-01-01T00:00:00Z' }],
      ['mutation { reassessRisk { assessed } }', {}],
    ] as const) {
      const { body } = await hub.as(principal, query, variables);
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe(code);
    }
    // Through State's Country and DHS's Sector into CISA (`_entities`).
    const around = await hub.as(
      principal,
      `{ country(code: "NL") { code dependencies(first: 5) { edges { node { riskScore riskFactors { factor } riskHistory { totalCount } } } } }
         sector(code: "ENERGY") { code dependencies(first: 5) { edges { node { riskScore riskFactors { factor } } } } } }`,
    );
    const text = JSON.stringify(around.body.data ?? {});
    expect(text).not.toContain('riskScore');
    expect(text).not.toContain('CRITICALITY');
    expect(around.body.errors?.length ?? 0).toBeGreaterThan(0);
  });
});
