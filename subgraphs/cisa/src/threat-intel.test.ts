import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from './db/schema';
import { cisaMain } from './main';
import { demoProducts } from './seed-threat-intel/demo-products';
import { seedThreatIntel } from './threat-intel';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);
const ids = (list: { id: string }[]) => list.map((p) => p.id);

/** Runs an operation that must answer without errors; its data and the SQL statements it cost. */
const measured = (query: string, variables?: Record<string, unknown>) => subgraph.measured(query, variables);

const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const countries = (codes: string[]) => codes.map((code) => ({ __typename: 'Country', code }));
// TEST_PRINCIPAL (cisa:analyst-1) may see every demo product but tp-42, RED for de-cert-bund:analyst-2
// alone and written by cisa:analyst-2 (docs/access.md); who sees what is tested in access.test.ts.
const visibleDemoProducts = demoProducts.filter((p) => p.id !== 'tp-42');

/** Demo products passing `test`, in the order every list uses: newest published first, drafts last. */
const demoProductsWhere = (test: (p: (typeof demoProducts)[number]) => boolean) =>
  visibleDemoProducts
    .filter(test)
    .sort((a, b) => {
      const draft = Number(a.status === 'DRAFT') - Number(b.status === 'DRAFT');
      return draft || (a.status === 'DRAFT' ? a.id.localeCompare(b.id) : b.at.localeCompare(a.at));
    })
    .map((p) => p.id);
/** Demo products concerning a country, in list order. */
const productsOf = (code: string) => demoProductsWhere((p) => p.countries.includes(code));

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('threat intelligence through _entities', () => {
  it('resolves ThreatProduct and Vulnerability by key, null for unknown keys', async () => {
    const { data } = await measured(entities('__typename ... on ThreatProduct { id trackingId } ... on Vulnerability { cveId vendorProject }'), {
      r: [
        { __typename: 'ThreatProduct', id: 'tp-01' },
        { __typename: 'ThreatProduct', id: 'tp-99' },
        { __typename: 'Vulnerability', cveId: 'CVE-2024-3400' },
        { __typename: 'Vulnerability', cveId: 'CVE-2099-0001' },
      ],
    });
    expect(data._entities).toEqual([
      { __typename: 'ThreatProduct', id: 'tp-01', trackingId: 'AA25-142A' },
      null,
      { __typename: 'Vulnerability', cveId: 'CVE-2024-3400', vendorProject: 'Palo Alto Networks' },
      null,
    ]);
  });

  it('adds threatProducts to Country, with its filters and pages', async () => {
    const { data } = await measured(
      entities(`... on Country { code
        all: threatProducts(first: 100) { totalCount edges { node { id } } }
        amber: threatProducts(tlp: AMBER, status: PUBLISHED) { totalCount edges { node { id tlp status } } }
        firstTwo: threatProducts(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`),
      { r: countries(['NL', 'EG', 'US']) },
    );
    const [nl, eg, us] = data._entities;
    expect(nl.all.edges.map((e: any) => e.node.id)).toEqual(productsOf('NL'));
    expect(nl.all.totalCount).toBe(productsOf('NL').length);
    expect(nl.amber.edges.map((e: any) => e.node.id)).toEqual(['tp-24', 'tp-23']);
    expect(nl.amber.totalCount).toBe(2);
    expect(nl.firstTwo.edges.map((e: any) => e.node.id)).toEqual(productsOf('NL').slice(0, 2));
    expect(nl.firstTwo.pageInfo.hasNextPage).toBe(true);
    expect(eg.all.edges.map((e: any) => e.node.id)).toEqual(productsOf('EG'));
    expect(us).toEqual({ code: 'US', all: { totalCount: 0, edges: [] }, amber: { totalCount: 0, edges: [] }, firstTwo: expect.anything() });

    const next = await measured(
      entities('... on Country { threatProducts(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasPreviousPage } } }').replace(
        '$r: [_Any!]!',
        '$r: [_Any!]!, $after: String',
      ),
      { r: countries(['NL']), after: nl.firstTwo.pageInfo.endCursor },
    );
    const page2 = next.data._entities[0].threatProducts;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual(productsOf('NL').slice(2, 4));
    expect(page2.pageInfo.hasPreviousPage).toBe(true);
    expect(page2.totalCount).toBe(productsOf('NL').length);
  });

  it('keeps the total on a page past the end of a country list', async () => {
    const after = Buffer.from('o:50').toString('base64url');
    const { data } = await measured(
      entities('... on Country { threatProducts(first: 5, after: "' + after + '") { totalCount edges { node { id } } } }'),
      { r: countries(['DE']) },
    );
    expect(data._entities[0].threatProducts).toEqual({ totalCount: productsOf('DE').length, edges: [] });
  });

  it('refuses an oversized nested page', async () => {
    const { body } = await gql(entities('... on Country { threatProducts(first: 101) { totalCount } }'), { r: countries(['NL']) });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('adds threatProducts to Sector, with the same filters as Country', async () => {
    const { data } = await measured(
      entities(`... on Sector { code
        amber: threatProducts(tlp: AMBER, status: PUBLISHED, first: 100) { totalCount edges { node { id tlp status } } }
        withdrawn: threatProducts(status: WITHDRAWN, first: 100) { edges { node { id } } } }`),
      { r: ['ENERGY', 'COMMUNICATIONS'].map((code) => ({ __typename: 'Sector', code })) },
    );
    for (const [i, code] of ['ENERGY', 'COMMUNICATIONS'].entries()) {
      const sector = data._entities[i];
      const amber = demoProductsWhere((p) => p.sectors.includes(code) && p.tlp === 'AMBER' && p.status === 'PUBLISHED');
      expect(amber.length).toBeGreaterThan(0);
      expect(sector.amber.edges.map((e: any) => e.node.id)).toEqual(amber);
      expect(sector.amber.totalCount).toBe(amber.length);
      const withdrawn = demoProductsWhere((p) => p.sectors.includes(code) && p.status === 'WITHDRAWN');
      expect(sector.withdrawn.edges.map((e: any) => e.node.id)).toEqual(withdrawn);
    }
  });

  it('adds threatProducts to Sector and threatProductsShared to Engagement', async () => {
    const { data } = await measured(
      entities(`... on Sector { code threatProducts(first: 3) { totalCount edges { node { id } } } }
        ... on Engagement { id threatProductsShared { id trackingId } }`),
      {
        r: [
          { __typename: 'Sector', code: 'WATER_AND_WASTEWATER_SYSTEMS' },
          { __typename: 'Sector', code: 'ENERGY' },
          { __typename: 'Engagement', id: 'eng-01' },
          { __typename: 'Engagement', id: 'eng-05' },
          { __typename: 'Engagement', id: 'eng-14' },
          { __typename: 'Engagement', id: 'eng-18' },
          { __typename: 'Engagement', id: 'eng-33' },
        ],
      },
    );
    const [water, energy, ...engagements] = data._entities;
    expect(water.threatProducts).toEqual({ totalCount: 1, edges: [{ node: { id: 'tp-03' } }] });
    expect(energy.threatProducts.totalCount).toBe(visibleDemoProducts.filter((p) => p.sectors.includes('ENERGY')).length);
    expect(energy.threatProducts.edges).toHaveLength(3);
    expect(engagements.map((e: any) => [e.id, ids(e.threatProductsShared)])).toEqual([
      ['eng-01', ['tp-24', 'tp-23']],
      ['eng-05', ['tp-25']],
      ['eng-14', ['tp-26']],
      ['eng-18', ['tp-27']],
      ['eng-33', []],
    ]);
  });

  it('lists the products covering a vulnerability, newest first', async () => {
    const { data } = await measured(entities('... on Vulnerability { threatProducts { id } }'), {
      r: [{ __typename: 'Vulnerability', cveId: 'CVE-2024-40711' }],
    });
    expect(ids(data._entities[0].threatProducts)).toEqual(['tp-19', 'tp-13', 'tp-04']);
  });
});

describe('batching', () => {
  const nested = entities(`... on Country { code threatProducts(first: 5) { totalCount
    edges { node { trackingId vulnerabilities { cveId } sectors { code } } } } }`);

  it('costs the same statements for 2 and for 10 countries: pages, vulnerabilities, sectors', async () => {
    const two = await measured(nested, { r: countries(['NL', 'DE']) });
    const ten = await measured(nested, { r: countries(['NL', 'DE', 'GB', 'FR', 'PL', 'EE', 'UA', 'JP', 'TW', 'SG']) });
    expect(two.data._entities).toHaveLength(2);
    expect(ten.data._entities).toHaveLength(10);
    for (const country of ten.data._entities) {
      expect(country.threatProducts.totalCount).toBe(productsOf(country.code).length);
      expect(country.threatProducts.edges).toHaveLength(Math.min(5, productsOf(country.code).length));
    }
    // pages, their totals (asked for), vulnerabilities, sectors, and the one audit insert of the
    // AMBER/RED products shown
    expect(two.statements).toBe(5);
    expect(ten.statements).toBe(5);
  });

  it('gives each distinct page and filter a batch of its own', async () => {
    const { statements } = await measured(
      entities('... on Country { a: threatProducts(first: 2) { totalCount } b: threatProducts(first: 2, tlp: CLEAR) { totalCount } c: threatProducts(first: 2) { totalCount } }'),
      { r: countries(['NL', 'DE', 'GB']) },
    );
    // two page batches, a count for each (totals are counted only when asked for), and the one
    // audit insert of the AMBER/RED products they read
    expect(statements).toBe(5);
  });

  it('resolves every reference of a whole product list in one statement per kind', async () => {
    const { data, statements } = await measured(`{ threatProducts(first: 100) { totalCount edges { node {
      id audience { organizations { id } } revisions { revision } sectors { code } countries { code } vulnerabilities { cveId threatProducts { id } } } } } }`);
    expect(data.threatProducts.edges).toHaveLength(visibleDemoProducts.length);
    // list, count, revisions, sectors, countries, vulnerabilities, products by vulnerability, audit insert
    expect(statements).toBe(8);
  });

  it('resolves _entities of many products and vulnerabilities with one statement per loader', async () => {
    const r = [
      ...demoProducts.slice(0, 12).map((p) => ({ __typename: 'ThreatProduct', id: p.id })),
      ...['CVE-2024-3400', 'CVE-2025-0282', 'CVE-2023-4966'].map((cveId) => ({ __typename: 'Vulnerability', cveId })),
    ];
    const { data, statements } = await measured(
      entities('... on ThreatProduct { id countries { code } } ... on Vulnerability { cveId threatProducts { id } }'),
      { r },
    );
    expect(data._entities).toHaveLength(15);
    // products, vulnerabilities, countries of products, products of vulnerabilities, audit insert
    expect(statements).toBe(5);
  });
});

describe('seed', () => {
  it('is idempotent: a second run adds nothing and changes no KEV entry', async () => {
    const again = await seedThreatIntel(subgraph.database, { demo: true });
    expect(again).toMatchObject({ kev: { added: 0, updated: 0 }, threatProducts: { total: 44, added: 0 } });
    const { body } = await gql('{ threatProducts(first: 0) { totalCount } tp: threatProduct(id: "tp-01") { revisions { revision } } }');
    expect(body.data.threatProducts.totalCount).toBe(visibleDemoProducts.length);
    expect(body.data.tp.revisions).toHaveLength(2);
  });

  it('links every demo product only to CVEs of the catalog, 1 to 4 each', async () => {
    const { body } = await gql('{ threatProducts(first: 100) { edges { node { id vulnerabilities { cveId } } } } }');
    for (const { node } of body.data.threatProducts.edges) {
      const cves = demoProducts.find((p) => p.id === node.id)!.cves;
      expect(cves.length).toBeGreaterThanOrEqual(1);
      expect(cves.length).toBeLessThanOrEqual(4);
      expect(node.vulnerabilities.map((v: any) => v.cveId).sort()).toEqual([...cves].sort());
    }
  });
});
