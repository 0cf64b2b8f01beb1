import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnersSchema } from '../db/schema';
import { partnersMain } from '../main';

let subgraph: StartedSubgraph<PartnersSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const ids = (connection: any) => connection.edges.map((e: any) => e.node.id);

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('deliveries', () => {
  it('delivers every non-draft product to its audience and "also delivered to" organizations', async () => {
    const { body } = await gql(
      '{ deliveries(first: 100) { totalCount edges { node { id tlp product { id } recipient { id } } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.deliveries.totalCount).toBe(73);
    const products = new Set(body.data.deliveries.edges.map((e: any) => e.node.product.id));
    for (const draft of ['tp-10', 'tp-20', 'tp-37', 'tp-43']) expect(products.has(draft)).toBe(false);
    expect(products.size).toBe(40);
  });

  it('looks one up by id, with the product TLP and acknowledgement', async () => {
    const { body } = await gql(
      '{ delivery(id: "dlv-tp23-nl-ncsc") { id tlp channel deliveredAt acknowledgedAt acknowledgedBy version product { id } recipient { id } } }',
    );
    expect(body.errors).toBeUndefined();
    const delivery = body.data.delivery;
    expect(delivery).toMatchObject({
      id: 'dlv-tp23-nl-ncsc',
      tlp: 'AMBER',
      version: 1,
      product: { id: 'tp-23' },
      recipient: { id: 'nl-ncsc' },
    });
    expect(Date.parse(delivery.acknowledgedAt)).toBeGreaterThan(Date.parse(delivery.deliveredAt));
    expect(delivery.acknowledgedBy).toBe('nl-ncsc:duty-officer');
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const { body } = await gql('{ delivery(id: "dlv-nope") { id } }');
    expect(body.data.delivery).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Delivery' });
  });

  it('sends TLP:RED to one named individual of the recipient organization', async () => {
    const { body } = await gql(
      '{ deliveries(first: 100) { edges { node { id tlp channel recipientIndividual recipient { id } } } } }',
    );
    const red = body.data.deliveries.edges.map((e: any) => e.node).filter((d: any) => d.tlp === 'RED');
    expect(red.map((d: any) => d.id).sort()).toEqual([
      'dlv-tp39-gb-ncsc',
      'dlv-tp40-nl-ncsc',
      'dlv-tp41-ua-cert-ua',
      'dlv-tp42-de-cert-bund',
      'dlv-tp44-jp-jpcert',
    ]);
    for (const d of red) expect(d.recipientIndividual.startsWith(`${d.recipient.id}:`)).toBe(true);
    const others = body.data.deliveries.edges.map((e: any) => e.node).filter((d: any) => d.tlp !== 'RED');
    expect(others.every((d: any) => d.recipientIndividual === null)).toBe(true);
  });

  it('filters by product and recipient', async () => {
    const byProduct = await gql('{ deliveries(product: "tp-24") { totalCount edges { node { recipient { id } } } } }');
    expect(byProduct.body.data.deliveries.edges.map((e: any) => e.node.recipient.id).sort()).toEqual([
      'de-cert-bund',
      'nl-ncsc',
    ]);
    const byRecipient = await gql(
      '{ deliveries(recipient: "ua-cert-ua", first: 100) { totalCount edges { node { recipient { id } } } } }',
    );
    const list = byRecipient.body.data.deliveries;
    expect(list.totalCount).toBe(5);
    expect(list.edges.every((e: any) => e.node.recipient.id === 'ua-cert-ua')).toBe(true);
  });

  it('filters by channel', async () => {
    const { body } = await gql(
      '{ deliveries(channel: BRIEFING, first: 100) { totalCount edges { node { channel tlp } } } }',
    );
    const edges = body.data.deliveries.edges;
    expect(edges.length).toBeGreaterThan(5);
    expect(edges.every((e: any) => e.node.channel === 'BRIEFING')).toBe(true);
    expect(edges.filter((e: any) => e.node.tlp === 'RED')).toHaveLength(5);
  });

  it('filters by acknowledgement: NCSC-NL acknowledged tp-23 and tp-24 but not tp-30', async () => {
    const { body } = await gql(`{
      open: deliveries(recipient: "nl-ncsc", acknowledged: false) { edges { node { id acknowledgedAt acknowledgedBy } } }
      done: deliveries(recipient: "nl-ncsc", acknowledged: true, first: 100) { edges { node { id acknowledgedAt } } }
      all: deliveries(acknowledged: false, first: 100) { totalCount } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.open.edges).toEqual([
      { node: { id: 'dlv-tp30-nl-ncsc', acknowledgedAt: null, acknowledgedBy: null } },
    ]);
    expect(ids(body.data.done)).toEqual(expect.arrayContaining(['dlv-tp23-nl-ncsc', 'dlv-tp24-nl-ncsc']));
    expect(body.data.done.edges.every((e: any) => e.node.acknowledgedAt !== null)).toBe(true);
    expect(body.data.all.totalCount).toBe(9);
  });

  it('filters by delivery date, newest first', async () => {
    const { body } = await gql(
      '{ deliveries(deliveredAfter: "2026-09-01T00:00:00Z", first: 100) { totalCount edges { node { id deliveredAt } } } }',
    );
    const times = body.data.deliveries.edges.map((e: any) => Date.parse(e.node.deliveredAt));
    expect(body.data.deliveries.totalCount).toBe(8);
    expect(times.every((t: number) => t > Date.parse('2026-09-01T00:00:00Z'))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const bad = await gql('{ deliveries(deliveredAfter: "last tuesday") { totalCount } }');
    expect(bad.body.errors?.[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('pages without overlap and refuses a page over the maximum', async () => {
    const first = await gql(
      '{ deliveries(first: 10) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    const page1 = first.body.data.deliveries;
    expect(page1.edges).toHaveLength(10);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      'query($after: String) { deliveries(first: 10, after: $after) { edges { node { id } } pageInfo { hasPreviousPage } } }',
      {
        after: page1.pageInfo.endCursor,
      },
    );
    expect(ids(second.body.data.deliveries).some((id: string) => ids(page1).includes(id))).toBe(false);
    expect(second.body.data.deliveries.pageInfo.hasPreviousPage).toBe(true);
    const big = await gql('{ deliveries(first: 101) { totalCount } }');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
