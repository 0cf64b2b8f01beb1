import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnersSchema } from './db/schema';
import { partnersMain } from './main';

let subgraph: StartedSubgraph<PartnersSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const entities = (selection: string, representations: object[]) =>
  gql(`query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('partners subgraph entities', () => {
  it('resolves its own entities by key, null for unknown keys', async () => {
    const { body } = await entities(
      '... on Delivery { id tlp recipient { id } } ... on Sighting { id kind } ... on MaturityAssessment { id level }',
      [
        { __typename: 'Delivery', id: 'dlv-tp24-de-cert-bund' },
        { __typename: 'Sighting', id: 'sgt-14' },
        { __typename: 'MaturityAssessment', id: 'ma-eg-red-sea-landing-2025-07-29' },
        { __typename: 'Delivery', id: 'nope' },
        { __typename: 'Sighting', id: 'nope' },
        { __typename: 'MaturityAssessment', id: 'nope' },
      ],
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: 'dlv-tp24-de-cert-bund', tlp: 'AMBER', recipient: { id: 'de-cert-bund' } },
      { id: 'sgt-14', kind: 'ACTION_TAKEN' },
      { id: 'ma-eg-red-sea-landing-2025-07-29', level: 1 },
      null,
      null,
      null,
    ]);
  });

  it('adds deliveries and sightings to ThreatProduct', async () => {
    const { body } = await entities(
      '... on ThreatProduct { id deliveries { id recipient { id } } sightings { kind organization { id } } }',
      [
        { __typename: 'ThreatProduct', id: 'tp-24' },
        { __typename: 'ThreatProduct', id: 'tp-43' },
      ],
    );
    expect(body.errors).toBeUndefined();
    const [tp24, tp43] = body.data._entities;
    expect(tp24.deliveries.map((d: any) => d.recipient.id)).toEqual(['nl-ncsc', 'de-cert-bund']);
    expect(tp24.sightings.map((s: any) => s.organization.id).sort()).toEqual([
      'de-cert-bund',
      'de-cert-bund',
      'nl-ncsc',
    ]);
    // A draft is never delivered.
    expect(tp43).toEqual({ id: 'tp-43', deliveries: [], sightings: [] });
  });

  it('adds maturity and its history to Organization', async () => {
    const { body } = await entities(
      '... on Organization { id maturity { level assessedOn } maturityHistory { level } }',
      [
        { __typename: 'Organization', id: 'nl-ncsc' },
        { __typename: 'Organization', id: 'ua-grid-ops' },
        { __typename: 'Organization', id: 'eg-red-sea-landing' },
        { __typename: 'Organization', id: 'mb-nato-ncia' },
      ],
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      {
        id: 'nl-ncsc',
        maturity: { level: 4, assessedOn: '2025-11-20' },
        maturityHistory: [{ level: 4 }, { level: 3 }],
      },
      {
        id: 'ua-grid-ops',
        maturity: { level: 3, assessedOn: '2026-04-21' },
        maturityHistory: [{ level: 3 }, { level: 2 }],
      },
      {
        id: 'eg-red-sea-landing',
        maturity: { level: 1, assessedOn: '2025-07-29' },
        maturityHistory: [{ level: 1 }, { level: 2 }],
      },
      { id: 'mb-nato-ncia', maturity: null, maturityHistory: [] },
    ]);
  });

  it("pages each organization's deliveries and sightings, newest first", async () => {
    const page = async (after: string | null) => {
      const { body } = await gql(
        `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Organization {
          deliveries(first: 4, after: $after) { totalCount edges { node { id deliveredAt acknowledgedAt } } pageInfo { hasNextPage endCursor } }
          sightings(first: 2) { totalCount edges { node { organization { id } } } } } } }`,
        { r: [{ __typename: 'Organization', id: 'nl-ncsc' }], after },
      );
      expect(body.errors).toBeUndefined();
      return body.data._entities[0];
    };
    const root =
      await gql(`{ deliveries(recipient: "nl-ncsc", first: 100) { totalCount edges { node { id deliveredAt acknowledgedAt } } }
      sightings(organization: "nl-ncsc") { totalCount } }`);
    // Same rows, same order, same timestamps as the root list, through the window-function query.
    const expected = root.body.data.deliveries.edges.map((e: any) => e.node);
    const first = await page(null);
    expect(first.deliveries.totalCount).toBe(root.body.data.deliveries.totalCount);
    expect(first.deliveries.edges.map((e: any) => e.node)).toEqual(expected.slice(0, 4));
    expect(first.sightings.totalCount).toBe(root.body.data.sightings.totalCount);
    expect(first.sightings.edges).toHaveLength(2);
    expect(first.sightings.edges.every((e: any) => e.node.organization.id === 'nl-ncsc')).toBe(true);
    const second = await page(first.deliveries.pageInfo.endCursor);
    expect(second.deliveries.edges.map((e: any) => e.node)).toEqual(expected.slice(4, 8));
    const big = await entities('... on Organization { deliveries(first: 101) { totalCount } }', [
      { __typename: 'Organization', id: 'nl-ncsc' },
    ]);
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('partners seed', () => {
  it('is idempotent and reports what it loads', async () => {
    const query =
      '{ deliveries(first: 0) { totalCount } sightings(first: 0) { totalCount } maturityAssessments(first: 0) { totalCount } }';
    const before = await gql(query);
    const counts = await partnersMain.seed(subgraph.database, { demo: true });
    const after = await gql(query);
    expect(after.body).toEqual(before.body);
    expect(counts).toEqual({
      deliveries: before.body.data.deliveries.totalCount,
      sightings: before.body.data.sightings.totalCount,
      maturityAssessments: before.body.data.maturityAssessments.totalCount,
    });
    expect(await partnersMain.seed(subgraph.database, { demo: false })).toEqual({
      deliveries: 0,
      sightings: 0,
      maturityAssessments: 0,
    });
  });
});
