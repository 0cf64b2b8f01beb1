import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';
import { COUNTRY_BRIEF } from './country-brief.query';

const analyst = personas['cisa-analyst'];


const DEPENDENCY_LIST = /* GraphQL */ `
  query Dependencies($first: Int!) {
    dependencies(first: $first) {
      edges { node { id criticality asset { name operator { name } country { name } } country { code name } sector { name } } }
    }
  }
`;

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

describe('the gateway over all four subgraphs', () => {
  it('answers the country brief with data from every agency', async () => {
    const { status, body } = await hub.as(analyst, COUNTRY_BRIEF, { code: 'NL' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const nl = body.data.country;
    expect(nl.name).toBe('Netherlands'); // state
    expect(nl.organizations.map((o: any) => o.name)).toContain('National Cyber Security Centre');
    expect(nl.organizations.find((o: any) => o.kind === 'NATIONAL_CSIRT').maturity.level).toBeGreaterThanOrEqual(1); // partners
    expect(nl.engagements.edges.length).toBeGreaterThanOrEqual(4); // dhs
    expect(nl.dependencies.edges.length).toBe(20); // cisa
    expect(nl.dependencies.edges[0].node.asset.name).toBeTruthy();
    expect(nl.dependencies.edges.some((e: any) => e.node.asset.operator?.name)).toBe(true); // cisa -> state
    expect(nl.dependencies.edges.every((e: any) => e.node.sector.name)).toBe(true); // cisa -> dhs
    const products = nl.threatProducts.edges.map((e: any) => e.node);
    expect(products.length).toBeGreaterThan(0);
    const delivered = products.flatMap((p: any) => p.deliveries); // cisa -> partners -> state
    expect(delivered.some((d: any) => d.recipient.name === 'National Cyber Security Centre')).toBe(true);
  });

  it('costs the same number of SQL statements for 10 and for 100 dependencies', async () => {
    const cost = async (first: number) => {
      const before = hub.statements();
      const { body } = await hub.as(analyst, DEPENDENCY_LIST, { first });
      expect(body.errors).toBeUndefined();
      expect(body.data.dependencies.edges).toHaveLength(first);
      return hub.statements() - before;
    };
    const ten = await cost(10);
    const hundred = await cost(100);
    expect(hundred).toBe(ten);
    // one page query, then one batch each for assets, operators, countries and sectors
    expect(hundred).toBeLessThanOrEqual(6);
  });

  it('masks unexpected errors and keeps coded ones', async () => {
    const { body } = await hub.as(analyst, '{ country(code: "QQ") { name } }');
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|select |stack/i);
  });

  it('reports health and readiness', async () => {
    const origin = new URL(hub.url).origin;
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    const ready = await fetch(`${origin}/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).subgraphs).toEqual({ cisa: 'up', dhs: 'up', state: 'up', partners: 'up' });
  });
});
