import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

/** The ids of `threatProducts(<args>)`, all of them, asserting no error. */
async function productIds(args: string) {
  const { body } = await gql(`{ threatProducts(${args}, first: 100) { totalCount edges { node { id } } } }`);
  expect(body.errors).toBeUndefined();
  expect(body.data.threatProducts.totalCount).toBe(body.data.threatProducts.edges.length);
  return ids(body.data.threatProducts).sort();
}

// TEST_PRINCIPAL (cisa:analyst-1) may see 43 of the 44 demo products: tp-42 is RED for
// de-cert-bund:analyst-2 alone and written by cisa:analyst-2 (docs/access.md). These tests are about
// the data; who sees what is tested in ../access.test.ts.
const VISIBLE_TO_TEST_PRINCIPAL = 43;

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `tp-${String(from + i).padStart(2, '0')}`);

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('threat products', () => {
  it('resolves a product with its audience, revisions, references and indicators', async () => {
    const { body } = await gql(`{ threatProduct(id: "tp-24") {
      id trackingId kind title tlp status authorAgency publishedAt withdrawnAt revision version recommendedActions
      audience { agencies organizations { id } individuals }
      revisions { revision changeNote createdAt createdBy }
      sectors { code } countries { code } engagements { id } vulnerabilities { cveId vendorProject knownRansomwareCampaignUse }
      indicators { type value description } } }`);
    expect(body.errors).toBeUndefined();
    const product = body.data.threatProduct;
    expect(product).toMatchObject({
      id: 'tp-24',
      trackingId: 'AR25-252A',
      kind: 'ANALYSIS_REPORT',
      tlp: 'AMBER',
      status: 'PUBLISHED',
      authorAgency: 'CISA',
      publishedAt: '2025-09-09T13:00:00.000Z',
      withdrawnAt: null,
      revision: 2,
      version: 2,
      audience: { agencies: ['CISA'], organizations: [{ id: 'nl-ncsc' }, { id: 'de-cert-bund' }], individuals: [] },
      sectors: [{ code: 'COMMUNICATIONS' }, { code: 'INFORMATION_TECHNOLOGY' }],
      countries: [{ code: 'DE' }, { code: 'NL' }],
      engagements: [{ id: 'eng-01' }, { id: 'eng-02' }],
      vulnerabilities: [
        { cveId: 'CVE-2023-20198', vendorProject: 'Cisco', knownRansomwareCampaignUse: false },
        { cveId: 'CVE-2024-3400', vendorProject: 'Palo Alto Networks', knownRansomwareCampaignUse: true },
      ],
    });
    expect(product.revisions.map((r: any) => r.revision)).toEqual([1, 2]);
    expect(product.revisions[0]).toMatchObject({ createdAt: '2025-09-09T13:00:00.000Z', createdBy: 'cisa:analyst-1' });
    expect(product.indicators.length).toBeGreaterThan(0);
    expect(product.recommendedActions.length).toBeGreaterThan(0);
  });

  it('finds a product by tracking id, in any case', async () => {
    const { body } = await gql('{ threatProductByTrackingId(trackingId: "icsa-25-071-01") { id kind } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.threatProductByTrackingId).toEqual({ id: 'tp-03', kind: 'ICS_ADVISORY' });
  });

  it('answers NOT_FOUND for unknown ids and tracking ids', async () => {
    const { body } = await gql('{ a: threatProduct(id: "tp-99") { id } b: threatProductByTrackingId(trackingId: "AA99-001A") { id } }');
    expect(body.data).toEqual({ a: null, b: null });
    expect(body.errors?.map((e: any) => e.extensions.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('lists the demo products the caller may see, newest published first and drafts last', async () => {
    const { body } = await gql('{ threatProducts(first: 100) { totalCount edges { node { id status publishedAt } } } }');
    expect(body.errors).toBeUndefined();
    const nodes = body.data.threatProducts.edges.map((e: any) => e.node);
    expect(body.data.threatProducts.totalCount).toBe(VISIBLE_TO_TEST_PRINCIPAL);
    const published = nodes.filter((n: any) => n.publishedAt).map((n: any) => n.publishedAt);
    expect(published).toEqual([...published].sort().reverse());
    expect(nodes.slice(-4).map((n: any) => n.status)).toEqual(['DRAFT', 'DRAFT', 'DRAFT', 'DRAFT']);
  });

  it('filters by kind, TLP, status, sector and country', async () => {
    expect(await productIds('kind: ICS_ADVISORY')).toEqual(['tp-03', 'tp-14', 'tp-22', 'tp-27', 'tp-36']);
    expect(await productIds('tlp: RED')).toEqual(range(39, 44).filter((id) => id !== 'tp-42'));
    expect(await productIds('tlp: AMBER_STRICT')).toEqual(range(33, 38));
    expect(await productIds('status: DRAFT')).toEqual(['tp-10', 'tp-20', 'tp-37', 'tp-43']);
    expect(await productIds('status: WITHDRAWN')).toEqual(['tp-09', 'tp-30']);
    expect(await productIds('country: "ua"')).toEqual(['tp-03', 'tp-14', 'tp-26', 'tp-35', 'tp-41']);
    expect(await productIds('sector: "WATER_AND_WASTEWATER_SYSTEMS"')).toEqual(['tp-03']);
    expect(await productIds('tlp: GREEN, country: "NL", status: PUBLISHED')).toEqual(['tp-13', 'tp-18']);
  });

  it('filters by publication window and search', async () => {
    expect(await productIds('publishedAfter: "2026-08-01T00:00:00Z"')).toEqual(['tp-44']);
    expect(await productIds('publishedBefore: "2025-01-31T00:00:00Z"')).toEqual(['tp-02', 'tp-09']);
    expect(await productIds('publishedAfter: "2025-03-01T00:00:00Z", publishedBefore: "2025-03-31T00:00:00Z"')).toEqual([
      'tp-03',
      'tp-30',
    ]);
    expect(await productIds('search: "netscaler"')).toEqual(['tp-12']);
    expect(await productIds('search: "aa25-142"')).toEqual(['tp-01']);
    expect(await productIds('search: "100%"')).toEqual([]);
  });

  it('refuses a publication window that ends before it starts, naming the field', async () => {
    const { body } = await gql(
      '{ threatProducts(publishedAfter: "2025-06-01T00:00:00Z", publishedBefore: "2025-05-01T00:00:00Z") { totalCount } }',
    );
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publishedBefore' });
  });

  it('pages without overlap and refuses oversized pages and forged cursors', async () => {
    const page = (after?: string) =>
      gql('query($after: String) { threatProducts(first: 20, after: $after) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }', { after });
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const { body } = await page(after);
      const connection = body.data.threatProducts;
      seen.push(...ids(connection));
      expect(connection.pageInfo.hasPreviousPage).toBe(i > 0);
      expect(connection.pageInfo.hasNextPage).toBe(i < 2);
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(VISIBLE_TO_TEST_PRINCIPAL);
    expect(new Set(seen).size).toBe(VISIBLE_TO_TEST_PRINCIPAL);

    const big = await gql('{ threatProducts(first: 101) { totalCount } }');
    expect(big.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await gql('{ threatProducts(after: "bm9wZQ") { totalCount } }');
    expect(forged.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('keeps the revision history of every product', async () => {
    const { body } = await gql('{ threatProducts(first: 100) { edges { node { id revision status withdrawnAt revisions { revision changeNote } } } } }');
    for (const { node } of body.data.threatProducts.edges) {
      expect(node.revisions.map((r: any) => r.revision)).toEqual(Array.from({ length: node.revision }, (_, i) => i + 1));
      expect(node.withdrawnAt !== null).toBe(node.status === 'WITHDRAWN');
    }
  });

  it('seeds tracking ids that are unique and follow the kind', async () => {
    const { body } = await gql('{ threatProducts(first: 100) { edges { node { trackingId kind } } } }');
    const patterns: Record<string, RegExp> = {
      ADVISORY: /^AA2[56]-\d{3}A$/,
      ALERT: /^AA2[56]-\d{3}A$/,
      ICS_ADVISORY: /^ICSA-2[56]-\d{3}-01$/,
      ANALYSIS_REPORT: /^AR2[56]-\d{3}A$/,
      INDICATOR_BUNDLE: /^IB2[56]-\d{3}A$/,
      RISK_REDUCTION_GUIDANCE: /^RG2[56]-\d{3}A$/,
    };
    const nodes = body.data.threatProducts.edges.map((e: any) => e.node);
    for (const node of nodes) expect(node.trackingId).toMatch(patterns[node.kind]);
    expect(new Set(nodes.map((n: any) => n.kind)).size).toBe(6);
    expect(new Set(nodes.map((n: any) => n.trackingId)).size).toBe(VISIBLE_TO_TEST_PRINCIPAL);
  });
});
