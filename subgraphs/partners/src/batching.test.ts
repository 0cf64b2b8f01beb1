import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnersSchema } from './db/schema';
import { partnersMain } from './main';

let subgraph: StartedSubgraph<PartnersSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const entities = (selection: string, representations: object[]) =>
  gql(`query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });

/**
 * A request shown AMBER/RED deliveries ends with the one audit insert the recorder makes per
 * request (docs/access.md): constant, whatever the number of rows read; none when none is shown.
 */
const AUDIT = 1;

/** Runs an operation and returns its body with the number of SQL statements it cost. */
async function counted(run: () => ReturnType<typeof gql>) {
  const before = subgraph.database.stats.statements;
  const { body } = await run();
  return { body, statements: subgraph.database.stats.statements - before };
}

const ORGANIZATIONS = `
  nl-ncsc de-cert-bund gb-ncsc fr-cert-fr ua-cert-ua jp-jpcert au-acsc ua-grid-ops eg-red-sea-landing
  mb-nato-ncia
`
  .trim()
  .split(/\s+/);
const PRODUCTS = ['tp-01', 'tp-13', 'tp-23', 'tp-24', 'tp-27', 'tp-30', 'tp-33', 'tp-40', 'tp-43', 'tp-99'];
const ORGANIZATION_SELECTION =
  '... on Organization { id maturity { level } deliveries(first: 3) { totalCount edges { node { tlp product { id } } } } }';
const PRODUCT_SELECTION = '... on ThreatProduct { id deliveries { recipient { id } acknowledgedAt } }';

beforeAll(async () => {
  subgraph = await startTestSubgraph(partnersMain);
});
afterAll(() => subgraph?.close());

describe('partners subgraph batching', () => {
  it('costs the same statements for 2 and for 10 organizations: latest maturity, one page of deliveries', async () => {
    const reps = ORGANIZATIONS.map((id) => ({ __typename: 'Organization', id }));
    const two = await counted(() => entities(ORGANIZATION_SELECTION, reps.slice(0, 2)));
    const ten = await counted(() => entities(ORGANIZATION_SELECTION, reps));
    expect(two.body.errors).toBeUndefined();
    expect(ten.body.errors).toBeUndefined();
    expect(ten.body.data._entities).toHaveLength(10);
    expect(ten.body.data._entities[0].deliveries.edges).toHaveLength(3);
    // maturity, the deliveries page, its totals (asked for)
    expect(two.statements).toBe(3 + AUDIT);
    expect(ten.statements).toBe(3 + AUDIT);
  });

  it('costs the same statements for 2 and for 10 threat products: one for all their deliveries', async () => {
    const reps = PRODUCTS.map((id) => ({ __typename: 'ThreatProduct', id }));
    const two = await counted(() => entities(PRODUCT_SELECTION, reps.slice(0, 2)));
    const ten = await counted(() => entities(PRODUCT_SELECTION, reps));
    expect(ten.body.errors).toBeUndefined();
    expect(ten.body.data._entities.find((p: any) => p.id === 'tp-24').deliveries).toHaveLength(2);
    // tp-01 and tp-13 are CLEAR and GREEN: nothing to audit. The ten include AMBER and RED.
    expect(two.statements).toBe(1);
    expect(ten.statements).toBe(1 + AUDIT);
  });

  it('loads many references of each kind in one statement per kind', async () => {
    const reps = [
      ...['dlv-tp01-nl-ncsc', 'dlv-tp23-nl-ncsc', 'dlv-tp24-de-cert-bund', 'dlv-tp40-nl-ncsc'].map((id) => ({
        __typename: 'Delivery',
        id,
      })),
      ...['sgt-01', 'sgt-02', 'sgt-03'].map((id) => ({ __typename: 'Sighting', id })),
      ...['ma-nl-ncsc-2025-11-20', 'ma-ua-grid-ops-2025-02-18'].map((id) => ({ __typename: 'MaturityAssessment', id })),
    ];
    const { body, statements } = await counted(() =>
      entities('... on Delivery { id } ... on Sighting { id } ... on MaturityAssessment { id }', reps),
    );
    expect(body.data._entities.map((e: any) => e.id)).toEqual(reps.map((r) => r.id));
    expect(statements).toBe(3 + AUDIT);
  });

  it('pages requested with different arguments cost one statement each, not one per parent', async () => {
    const reps = ORGANIZATIONS.map((id) => ({ __typename: 'Organization', id }));
    const { body, statements } = await counted(() =>
      entities(
        '... on Organization { a: deliveries(first: 2) { totalCount } b: deliveries(first: 5) { totalCount } }',
        reps,
      ),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0].a.totalCount).toBe(body.data._entities[0].b.totalCount);
    // a page and a count for each of the two arguments
    expect(statements).toBe(4 + AUDIT);
  });
});
