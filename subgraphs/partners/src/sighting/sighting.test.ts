import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnersSchema } from '../db/schema';
import { partnersMain } from '../main';

let subgraph: StartedSubgraph<PartnersSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const nodes = (connection: any) => connection.edges.map((e: any) => e.node);

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('sightings', () => {
  it('come only from organizations that received the product, after they received it', async () => {
    const { body } = await gql(`{
      sightings(first: 100) { totalCount edges { node { id observedAt reportedAt product { id } organization { id } } } }
      deliveries(first: 100) { edges { node { deliveredAt product { id } recipient { id } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.sightings.totalCount).toBeGreaterThanOrEqual(20);
    const delivered = new Map<string, number>(
      nodes(body.data.deliveries).map((d: any) => [`${d.product.id}/${d.recipient.id}`, Date.parse(d.deliveredAt)]),
    );
    for (const s of nodes(body.data.sightings)) {
      const at = delivered.get(`${s.product.id}/${s.organization.id}`);
      expect(at, s.id).toBeDefined();
      expect(Date.parse(s.reportedAt)).toBeGreaterThan(at!);
      expect(Date.parse(s.observedAt)).toBeLessThanOrEqual(Date.parse(s.reportedAt));
    }
  });

  it('uses documentation addresses and example.com names as indicators', async () => {
    const { body } = await gql('{ sightings(first: 100) { edges { node { indicatorValue } } } }');
    const values = nodes(body.data.sightings)
      .map((s: any) => s.indicatorValue)
      .filter(Boolean);
    expect(values.length).toBeGreaterThan(10);
    for (const v of values) expect(v).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$|\.example\.com$/);
  });

  it('looks one up by id, NOT_FOUND for an unknown id', async () => {
    const { body } = await gql(
      '{ sighting(id: "sgt-01") { id kind count comment version product { id } organization { id } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.sighting).toMatchObject({
      id: 'sgt-01',
      version: 1,
      product: { id: 'tp-01' },
      organization: { id: 'jp-jpcert' },
    });
    const missing = await gql('{ sighting(id: "sgt-nope") { id } }');
    expect(missing.body.data.sighting).toBeNull();
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Sighting' });
  });

  it('filters by product, organization and kind', async () => {
    const { body } = await gql(`{
      byProduct: sightings(product: "tp-24") { totalCount edges { node { product { id } organization { id } } } }
      byOrganization: sightings(organization: "ua-cert-ua") { totalCount edges { node { organization { id } } } }
      falsePositives: sightings(kind: FALSE_POSITIVE) { totalCount edges { node { kind indicatorValue } } }
      combined: sightings(product: "tp-24", organization: "de-cert-bund", kind: INDICATOR_SEEN) { edges { node { indicatorValue } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.byProduct.totalCount).toBe(3);
    expect(nodes(body.data.byProduct).every((s: any) => s.product.id === 'tp-24')).toBe(true);
    expect(body.data.byOrganization.totalCount).toBe(4);
    expect(nodes(body.data.byOrganization).every((s: any) => s.organization.id === 'ua-cert-ua')).toBe(true);
    expect(body.data.falsePositives.totalCount).toBe(2);
    expect(nodes(body.data.falsePositives).every((s: any) => s.kind === 'FALSE_POSITIVE' && s.indicatorValue)).toBe(
      true,
    );
    expect(nodes(body.data.combined)).toEqual([{ indicatorValue: '203.0.113.45' }]);
  });

  it('pages most recently reported first, and refuses a page over the maximum', async () => {
    const first = await gql(
      '{ sightings(first: 8) { edges { node { id reportedAt } } pageInfo { hasNextPage endCursor } } }',
    );
    const page1 = first.body.data.sightings;
    const times = nodes(page1).map((s: any) => Date.parse(s.reportedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      'query($after: String) { sightings(first: 8, after: $after) { edges { node { id reportedAt } } } }',
      {
        after: page1.pageInfo.endCursor,
      },
    );
    const page2 = nodes(second.body.data.sightings);
    expect(page2.some((s: any) => nodes(page1).some((p: any) => p.id === s.id))).toBe(false);
    expect(Date.parse(page2[0].reportedAt)).toBeLessThanOrEqual(times.at(-1)!);
    const big = await gql('{ sightings(first: 101) { totalCount } }');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
