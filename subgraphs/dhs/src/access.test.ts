import type { Principal } from '@iag/kit';
import { TEST_PRINCIPAL, startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DhsSchema } from './db/schema';
import { dhsMain } from './main';
import { demoEngagements } from './seed/data/engagements';

// docs/access.md, as DHS enforces it: sectors public, engagements by participation.
const anonymous: Principal = { kind: 'ANONYMOUS', scopes: [] };
const partnerNl: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const partnerDe: Principal = { kind: 'PARTNER', sub: 'de-cert-bund:analyst-2', organizationId: 'de-cert-bund', scopes: [] };
const dhsAuditor: Principal = { kind: 'US_GOVERNMENT', sub: 'dhs:auditor-1', agency: 'DHS', scopes: ['audit:read'] };

let subgraph: StartedSubgraph<DhsSchema>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(dhsMain);
});
afterAll(() => subgraph?.close());

/** Expectations come from the seed module, so they follow the demo data rather than restate it. */
const takingPart = (org: string) => demoEngagements.filter((e) => e.partners.includes(org)).map((e) => e.id);
const sorted = (ids: string[]) => [...ids].sort();
const codes = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);

const hiddenFromNl = demoEngagements.find((e) => !e.partners.includes('nl-ncsc'))!;
const visibleToNl = demoEngagements.find((e) => e.partners.includes('nl-ncsc'))!;

async function engagementIds(principal: Principal) {
  const { body } = await subgraph.post('{ engagements(first: 100) { totalCount edges { node { id } } } }', {}, principal);
  expect(body.errors).toBeUndefined();
  const ids: string[] = body.data.engagements.edges.map((e: any) => e.node.id);
  return { ids, totalCount: body.data.engagements.totalCount as number };
}

describe('sectors are public', () => {
  it('serves sectors and a sector to anonymous callers', async () => {
    const { body } = await subgraph.post('{ sectors { code } sector(code: "ENERGY") { name } }', {}, anonymous);
    expect(body.errors).toBeUndefined();
    expect(body.data.sectors).toHaveLength(16);
    expect(body.data.sector.name).toBe('Energy');
  });
});

describe('engagements by participation', () => {
  it('gives a partner exactly the engagements its organization takes part in, totalCount agreeing', async () => {
    for (const [principal, org] of [[partnerNl, 'nl-ncsc'], [partnerDe, 'de-cert-bund']] as const) {
      const { ids, totalCount } = await engagementIds(principal);
      expect(ids.length).toBeGreaterThan(0);
      expect(sorted(ids)).toEqual(sorted(takingPart(org)));
      expect(totalCount).toBe(ids.length);
    }
  });

  it('gives US government every engagement and anonymous callers none', async () => {
    const all = await engagementIds(TEST_PRINCIPAL);
    expect(sorted(all.ids)).toEqual(sorted(demoEngagements.map((e) => e.id)));
    expect(all.totalCount).toBe(demoEngagements.length);
    expect(await engagementIds(anonymous)).toEqual({ ids: [], totalCount: 0 });
  });

  it('filters nested lists: Country, Organization and Sector engagements via _entities', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Country { engagements(first: 100) { totalCount edges { node { id } } } }
      ... on Organization { engagements(first: 100) { totalCount edges { node { id } } } }
      ... on Sector { engagements(first: 100) { totalCount edges { node { id } } } } } }`;
    const r = [
      { __typename: 'Country', code: 'DE' },
      { __typename: 'Organization', id: 'de-cert-bund' },
      { __typename: 'Sector', code: 'ENERGY' },
    ];
    const expected = [
      demoEngagements.filter((e) => e.countryCode === 'DE'),
      demoEngagements.filter((e) => e.partners.includes('de-cert-bund')),
      demoEngagements.filter((e) => e.sectors.includes('ENERGY')),
    ];
    for (const [principal, org] of [[partnerNl, 'nl-ncsc'], [partnerDe, 'de-cert-bund']] as const) {
      const { body } = await subgraph.post(query, { r }, principal);
      expect(body.errors).toBeUndefined();
      body.data._entities.forEach((entity: any, i: number) => {
        const ids = entity.engagements.edges.map((e: any) => e.node.id);
        const want = expected[i].filter((e) => e.partners.includes(org)).map((e) => e.id);
        expect(sorted(ids)).toEqual(sorted(want));
        expect(entity.engagements.totalCount).toBe(want.length);
      });
    }
    // The DE case for partner-nl is the one docs/demo-data.md sets up: German engagements, none with NCSC-NL.
    const { body } = await subgraph.post(query, { r: [r[0]] }, partnerNl);
    for (const { node } of body.data._entities[0].engagements.edges) expect(takingPart('nl-ncsc')).toContain(node.id);
  });

  it('refuses a hidden engagement on the root field: null and FORBIDDEN, NOT_FOUND for a missing one', async () => {
    const { body } = await subgraph.post(
      `query($hidden: ID!, $visible: ID!) { hidden: engagement(id: $hidden) { id } visible: engagement(id: $visible) { id } }`,
      { hidden: hiddenFromNl.id, visible: visibleToNl.id },
      partnerNl,
    );
    expect(body.data).toEqual({ hidden: null, visible: { id: visibleToNl.id } });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ path: ['hidden'], extensions: { code: 'FORBIDDEN' } });

    const missing = await subgraph.post('{ engagement(id: "eng-nope") { id } }', {}, partnerNl);
    expect(codes(missing.body.errors)).toEqual(['NOT_FOUND']);
  });

  it('resolves a visible engagement reference and refuses a hidden one, the rest intact', async () => {
    const { body } = await subgraph.post(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Engagement { id title } } }',
      {
        r: [
          { __typename: 'Engagement', id: visibleToNl.id },
          { __typename: 'Engagement', id: hiddenFromNl.id },
          { __typename: 'Engagement', id: 'eng-nope' },
        ],
      },
      partnerNl,
    );
    expect(body.data._entities).toEqual([{ id: visibleToNl.id, title: visibleToNl.title }, null, null]);
    // Only the hidden one is an error: a missing reference is plain null.
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ path: ['_entities', 1], extensions: { code: 'FORBIDDEN' } });
  });

  it('asks anonymous callers to sign in for a single engagement, by root field or reference', async () => {
    const root = await subgraph.post(`{ engagement(id: "${visibleToNl.id}") { id } }`, {}, anonymous);
    expect(root.body.data.engagement).toBeNull();
    expect(codes(root.body.errors)).toEqual(['UNAUTHENTICATED']);

    const ref = await subgraph.post(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Engagement { id } } }',
      { r: [{ __typename: 'Engagement', id: visibleToNl.id }] },
      anonymous,
    );
    expect(ref.body.data._entities).toEqual([null]);
    expect(codes(ref.body.errors)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('dhsAuditLog', () => {
  it('is for DHS auditors only', async () => {
    const query = '{ dhsAuditLog(first: 1) { totalCount } }';
    const cisa = await subgraph.post(query, {}, TEST_PRINCIPAL);
    expect(codes(cisa.body.errors)).toEqual(['FORBIDDEN']);
    const dhs = await subgraph.post(query, {}, dhsAuditor);
    expect(dhs.body.errors).toBeUndefined();
    expect(typeof dhs.body.data.dhsAuditLog.totalCount).toBe('number');
  });
});
