import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnersSchema } from '../db/schema';
import { partnersMain } from '../main';

let subgraph: StartedSubgraph<PartnersSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const nodes = (connection: any) => connection.edges.map((e: any) => e.node);

// The national CSIRTs and operators of docs/demo-data.md: each has at least one assessment.
const ASSESSED = `
  nl-ncsc nl-maasvlakte-terminals nl-noordzee-datacenters de-cert-bund de-rhein-netz de-nordsee-kabel gb-ncsc
  gb-cornwall-landing fr-cert-fr fr-marseille-hub pl-cert-polska pl-baltic-gas ee-cert-ee ee-estlink-grid
  ua-cert-ua ua-grid-ops no-ncsc no-nordsjo-gas jp-jpcert jp-kanto-semi kr-krcert kr-busan-port tw-twcert
  tw-hsinchu-foundry sg-singcert sg-straits-dc au-acsc au-pilbara-lng ca-cccs ca-lakes-power eg-egcert
  eg-red-sea-landing
`
  .trim()
  .split(/\s+/);

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('maturity assessments', () => {
  it('assess every national CSIRT and operator, some more than once', async () => {
    const { body } = await gql(
      '{ maturityAssessments(first: 100) { totalCount edges { node { level method organization { id } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.maturityAssessments.totalCount).toBeGreaterThanOrEqual(40);
    const organizations = nodes(body.data.maturityAssessments).map((a: any) => a.organization.id);
    expect(organizations).toEqual(expect.arrayContaining(ASSESSED));
    expect(new Set(nodes(body.data.maturityAssessments).map((a: any) => a.method)).size).toBe(4);
  });

  it('looks one up by id, NOT_FOUND for an unknown id', async () => {
    const { body } = await gql(
      '{ maturityAssessment(id: "ma-ua-grid-ops-2026-04-21") { level assessedOn method framework organization { id } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.maturityAssessment).toEqual({
      level: 3,
      assessedOn: '2026-04-21',
      method: 'CISA_ASSESSMENT',
      framework: 'C2M2 v2.1',
      organization: { id: 'ua-grid-ops' },
    });
    const missing = await gql('{ maturityAssessment(id: "ma-nope") { id } }');
    expect(missing.body.data.maturityAssessment).toBeNull();
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'MaturityAssessment' });
  });

  it('filters by organization, newest first: ua-grid-ops rose from 2 to 3', async () => {
    const { body } = await gql(
      '{ maturityAssessments(organization: "ua-grid-ops") { totalCount edges { node { level assessedOn } } } }',
    );
    expect(nodes(body.data.maturityAssessments)).toEqual([
      { level: 3, assessedOn: '2026-04-21' },
      { level: 2, assessedOn: '2025-02-18' },
    ]);
  });

  it('filters by minimum level, and names minLevel when it is off the scale', async () => {
    const { body } = await gql(
      '{ maturityAssessments(minLevel: 5) { totalCount edges { node { level organization { id } } } } }',
    );
    expect(body.data.maturityAssessments.totalCount).toBeGreaterThan(0);
    expect(nodes(body.data.maturityAssessments).every((a: any) => a.level === 5)).toBe(true);
    const combined = await gql(
      '{ maturityAssessments(organization: "eg-red-sea-landing", minLevel: 2) { edges { node { level method } } } }',
    );
    expect(nodes(combined.body.data.maturityAssessments)).toEqual([{ level: 2, method: 'SELF_ASSESSMENT' }]);
    for (const minLevel of [0, 6]) {
      const bad = await gql('query($m: Int) { maturityAssessments(minLevel: $m) { totalCount } }', { m: minLevel });
      expect(bad.body.data).toBeNull();
      expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minLevel' });
    }
  });

  it('filters by maximum level and by a range, and names a bound off the scale or a range upside down', async () => {
    const all = nodes((await gql('{ maturityAssessments(first: 100) { edges { node { id level } } } }')).body.data.maturityAssessments);
    const weak = (await gql('{ maturityAssessments(maxLevel: 2, first: 100) { totalCount edges { node { id level } } } }')).body.data
      .maturityAssessments;
    expect(weak.totalCount).toBe(all.filter((a: any) => a.level <= 2).length);
    expect(weak.totalCount).toBeGreaterThan(0);
    expect(nodes(weak).map((a: any) => a.id)).toEqual(all.filter((a: any) => a.level <= 2).map((a: any) => a.id));
    const three = (await gql('{ maturityAssessments(minLevel: 3, maxLevel: 3, first: 100) { totalCount } }')).body.data.maturityAssessments;
    expect(three.totalCount).toBe(all.filter((a: any) => a.level === 3).length);
    for (const [args, field] of [['maxLevel: 0', 'maxLevel'], ['maxLevel: 6', 'maxLevel'], ['minLevel: 4, maxLevel: 2', 'minLevel']]) {
      const bad = await gql(`{ maturityAssessments(${args}) { totalCount } }`);
      expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('pages without overlap and refuses a page over the maximum', async () => {
    const first = await gql(
      '{ maturityAssessments(first: 20) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    const page1 = first.body.data.maturityAssessments;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(
      'query($after: String) { maturityAssessments(first: 100, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage } } }',
      {
        after: page1.pageInfo.endCursor,
      },
    );
    const ids1 = nodes(page1).map((a: any) => a.id);
    const ids2 = nodes(rest.body.data.maturityAssessments).map((a: any) => a.id);
    expect(ids2.some((id: string) => ids1.includes(id))).toBe(false);
    expect(ids1.length + ids2.length).toBe(rest.body.data.maturityAssessments.totalCount);
    expect(rest.body.data.maturityAssessments.pageInfo.hasNextPage).toBe(false);
    const big = await gql('{ maturityAssessments(first: 500) { totalCount } }');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
