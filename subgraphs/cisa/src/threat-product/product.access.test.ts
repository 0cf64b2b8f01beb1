import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { personas, type PersonaName } from '../test-personas';

// docs/demo-data.md "Threat products", written out by hand so the expectation does not come from
// the code under test: [tlp, status, audience organizations, audience individuals]. Every product
// is CISA's, with CISA in its audience agencies; all are written by cisa:analyst-1 except tp-42
// (cisa:analyst-2, see seed-threat-intel/data/red.ts).
type Tlp = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED';
type Status = 'PUBLISHED' | 'WITHDRAWN' | 'DRAFT';
const P = 'PUBLISHED', W = 'WITHDRAWN', D = 'DRAFT';
const table: Record<string, [Tlp, Status, string[], string[]]> = {};
const add = (tlp: Tlp, rows: Record<number, [Status, string[]?, string[]?]>) => {
  for (const [n, [status, orgs = [], individuals = []]] of Object.entries(rows)) {
    table[`tp-${n.padStart(2, '0')}`] = [tlp, status, orgs, individuals];
  }
};
add('CLEAR', { 1: [P], 2: [P], 3: [P], 4: [P], 5: [P], 6: [P], 7: [P], 8: [P], 9: [W], 10: [D], 11: [P], 12: [P] });
add('GREEN', { 13: [P], 14: [P], 15: [P], 16: [P], 17: [P], 18: [P], 19: [P], 20: [D], 21: [P], 22: [P] });
add('AMBER', {
  23: [P, ['nl-ncsc']], 24: [P, ['nl-ncsc', 'de-cert-bund']], 25: [P, ['de-cert-bund']], 26: [P, ['ua-cert-ua']],
  27: [P, ['jp-jpcert', 'tw-twcert']], 28: [P, ['gb-ncsc']], 29: [P, ['sg-singcert', 'au-acsc']],
  30: [W, ['nl-ncsc']], 31: [P, ['fr-cert-fr']], 32: [P, ['ee-cert-ee', 'pl-cert-polska']],
});
add('AMBER_STRICT', {
  33: [P, ['de-cert-bund']], 34: [P, ['nl-ncsc']], 35: [P, ['ua-cert-ua']], 36: [P, ['tw-twcert']],
  37: [D, ['de-cert-bund']], 38: [P, ['gb-ncsc']],
});
add('RED', {
  39: [P, [], ['gb-ncsc:analyst-1', 'cisa:analyst-1']], 40: [P, [], ['nl-ncsc:duty-officer', 'cisa:analyst-1']],
  41: [P, [], ['ua-cert-ua:lead', 'cisa:analyst-1']], 42: [P, [], ['de-cert-bund:analyst-2']],
  43: [D, [], ['cisa:analyst-1']], 44: [P, [], ['jp-jpcert:lead', 'cisa:analyst-1']],
});
const authorOf = (id: string) => (id === 'tp-42' ? 'cisa:analyst-2' : 'cisa:analyst-1');

/** docs/access.md read plainly, for the table above: the oracle the SQL rule is checked against. */
function expectedVisible(name: PersonaName): string[] {
  const p = personas[name] as { kind: string; sub?: string; agency?: string; organizationId?: string };
  return Object.entries(table)
    .filter(([id, [tlp, status, orgs, individuals]]) => {
      if (p.sub === authorOf(id)) return true;
      if (status === 'DRAFT' && !(p.kind === 'US_GOVERNMENT' && p.agency === 'CISA')) return false;
      const orgNamed = p.kind === 'PARTNER' && orgs.includes(p.organizationId!);
      if (tlp === 'CLEAR') return true;
      if (tlp === 'GREEN') return p.kind !== 'ANONYMOUS';
      if (tlp === 'AMBER') return p.kind === 'US_GOVERNMENT' || orgNamed;
      if (tlp === 'AMBER_STRICT') return orgNamed || (p.kind === 'US_GOVERNMENT' && p.agency === 'CISA');
      return individuals.includes(p.sub ?? '');
    })
    .map(([id]) => id)
    .sort();
}

let subgraph: StartedSubgraph<CisaSchema>;
const as = (name: PersonaName, query: string, variables?: Record<string, unknown>) =>
  subgraph.post(query, variables, personas[name]).then((r) => r.body);
const codes = (body: { errors?: { extensions: { code: string } }[] }) => body.errors?.map((e) => e.extensions.code);
const nodeIds = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id);
const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const productRefs = (ids: string[]) => ids.map((id) => ({ __typename: 'ThreatProduct', id }));

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('threat product visibility in lists', () => {
  it('has a table that agrees with the doc on what partner-nl sees beyond CLEAR and GREEN', () => {
    const beyond = expectedVisible('partnerNl').filter((id) => !['CLEAR', 'GREEN'].includes(table[id][0]));
    expect(beyond).toEqual(['tp-23', 'tp-24', 'tp-30', 'tp-34', 'tp-40']);
    expect(Object.keys(table)).toHaveLength(44);
  });

  it.each(Object.keys(personas) as PersonaName[])('shows %s exactly what the policy admits, and counts only that', async (name) => {
    const body = await as(name, '{ threatProducts(first: 100) { totalCount edges { node { id } } } }');
    expect(body.errors).toBeUndefined();
    const expected = expectedVisible(name);
    expect(nodeIds(body.data.threatProducts).sort()).toEqual(expected);
    expect(body.data.threatProducts.totalCount).toBe(expected.length);
  });

  it('lets the author of a RED product see it though no one else at CISA may', async () => {
    const author = { kind: 'US_GOVERNMENT' as const, sub: 'cisa:analyst-2', agency: 'CISA', scopes: [] };
    const { body } = await subgraph.post('{ threatProducts(tlp: RED, first: 100) { edges { node { id } } } }', {}, author);
    expect(nodeIds(body.data.threatProducts)).toEqual(['tp-42']);
  });

  it('filters nested lists the same way: Country, Engagement and Vulnerability', async () => {
    const body = await as(
      'partnerNl',
      entities(`... on Country { threatProducts(first: 100) { totalCount edges { node { id } } } }
        ... on Engagement { threatProductsShared { id } }`),
      { r: [{ __typename: 'Country', code: 'DE' }, { __typename: 'Engagement', id: 'eng-05' }, { __typename: 'Engagement', id: 'eng-01' }] },
    );
    expect(body.errors).toBeUndefined();
    const [de, eng05, eng01] = body.data._entities;
    const deIds = nodeIds(de.threatProducts);
    expect(deIds).toContain('tp-24');
    for (const hidden of ['tp-25', 'tp-33', 'tp-37', 'tp-42']) expect(deIds).not.toContain(hidden);
    expect(de.threatProducts.totalCount).toBe(deIds.length);
    expect(eng05.threatProductsShared).toEqual([]);
    expect(eng01.threatProductsShared.map((p: { id: string }) => p.id)).toEqual(['tp-24', 'tp-23']);
  });
});

describe('threat products by id', () => {
  it('answers _entities of a hidden product with null and FORBIDDEN, its visible siblings intact', async () => {
    const body = await as('partnerNl', entities('... on ThreatProduct { id tlp }'), {
      r: productRefs(['tp-23', 'tp-33', 'tp-01', 'tp-99']),
    });
    expect(body.data._entities).toEqual([{ id: 'tp-23', tlp: 'AMBER' }, null, { id: 'tp-01', tlp: 'CLEAR' }, null]);
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(body.errors[0].path).toEqual(['_entities', 1]);
  });

  it('asks anonymous callers to sign in for what is not CLEAR', async () => {
    const body = await as('anonymous', entities('... on ThreatProduct { id }'), { r: productRefs(['tp-13', 'tp-01']) });
    expect(body.data._entities).toEqual([null, { id: 'tp-01' }]);
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers root fields with null and FORBIDDEN when hidden, NOT_FOUND when missing', async () => {
    const tracking = (await as('testPrincipal', '{ threatProduct(id: "tp-33") { trackingId } }')).data.threatProduct.trackingId;
    const body = await as(
      'partnerNl',
      `query($t: String!) { a: threatProduct(id: "tp-33") { id } b: threatProductByTrackingId(trackingId: $t) { id }
        c: threatProduct(id: "tp-99") { id } d: threatProduct(id: "tp-34") { id } }`,
      { t: tracking },
    );
    expect(body.data).toEqual({ a: null, b: null, c: null, d: { id: 'tp-34' } });
    expect(body.errors.map((e: { path: string[]; extensions: { code: string } }) => [e.path[0], e.extensions.code]).sort()).toEqual([
      ['a', 'FORBIDDEN'],
      ['b', 'FORBIDDEN'],
      ['c', 'NOT_FOUND'],
    ]);
  });

  it('hides drafts from partners named in their audience', async () => {
    const body = await as('partnerDe', '{ threatProduct(id: "tp-37") { id } }');
    expect(body.data.threatProduct).toBeNull();
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });
});
