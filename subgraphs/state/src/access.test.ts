import type { Principal } from '@iag/kit';
import { TEST_PRINCIPAL, startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateSchema } from './db/schema';
import { stateMain } from './main';
import { demoAgreements } from './seed/data/agreements';
import { demoOrganizations } from './seed/data/organizations';

// docs/access.md, as State enforces it: countries public, organizations for authenticated callers,
// agreements for US government and their parties.
const anonymous: Principal = { kind: 'ANONYMOUS', scopes: [] };
const partnerNl: Principal = { kind: 'PARTNER', sub: 'nl-ncsc:duty-officer', organizationId: 'nl-ncsc', scopes: [] };
const partnerDe: Principal = { kind: 'PARTNER', sub: 'de-cert-bund:analyst-2', organizationId: 'de-cert-bund', scopes: [] };
const stateAuditor: Principal = { kind: 'US_GOVERNMENT', sub: 'state:officer-1', agency: 'STATE', scopes: ['audit:read'] };

let subgraph: StartedSubgraph<StateSchema>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(stateMain);
});
afterAll(() => subgraph?.close());

/** Expectations come from the seed modules, so they follow the demo data rather than restate it. */
const partyTo = (org: string) => demoAgreements.filter((a) => a.parties.includes(org)).map((a) => a.id);
const sorted = (ids: string[]) => [...ids].sort();
const codes = (errors: any[] | undefined) => (errors ?? []).map((e) => e.extensions?.code);
const entities = (fragment: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`;

async function agreementIds(principal: Principal) {
  const { body } = await subgraph.post('{ agreements(first: 100) { totalCount edges { node { id } } } }', {}, principal);
  expect(body.errors).toBeUndefined();
  const ids: string[] = body.data.agreements.edges.map((e: any) => e.node.id);
  expect(body.data.agreements.totalCount).toBe(ids.length);
  return ids;
}

describe('anonymous callers', () => {
  it('see countries but not organizations', async () => {
    const { body } = await subgraph.post('{ countries(search: "NL") { totalCount edges { node { code } } } }', {}, anonymous);
    expect(body.errors).toBeUndefined();
    expect(body.data.countries.edges.map((e: any) => e.node.code)).toContain('NL');

    const orgs = await subgraph.post('{ organizations(first: 5) { totalCount } }', {}, anonymous);
    expect(codes(orgs.body.errors)).toEqual(['UNAUTHENTICATED']);
    const org = await subgraph.post('{ organization(id: "nl-ncsc") { id } }', {}, anonymous);
    expect(org.body.data.organization).toBeNull();
    expect(codes(org.body.errors)).toEqual(['UNAUTHENTICATED']);
  });

  it('get a Country reference with an empty organization list and an Organization reference refused', async () => {
    const { body } = await subgraph.post(
      entities('... on Country { code organizations { id } } ... on Organization { id name }'),
      { r: [{ __typename: 'Country', code: 'NL' }, { __typename: 'Organization', id: 'nl-ncsc' }] },
      anonymous,
    );
    expect(body.data._entities).toEqual([{ code: 'NL', organizations: [] }, null]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ path: ['_entities', 1], extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('see no agreements', async () => {
    expect(await agreementIds(anonymous)).toEqual([]);
    const { body } = await subgraph.post('{ agreement(id: "agr-us-nl-2023") { id } }', {}, anonymous);
    expect(codes(body.errors)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('partners', () => {
  it('see every organization', async () => {
    const { body } = await subgraph.post('{ organizations(first: 0) { totalCount } }', {}, partnerNl);
    expect(body.errors).toBeUndefined();
    expect(body.data.organizations.totalCount).toBe(demoOrganizations.length);
  });

  it('see exactly the agreements their organization is a party to', async () => {
    expect(await agreementIds(partnerNl)).toEqual(['agr-us-nl-2023']);
    expect(await agreementIds(partnerDe)).toEqual(['agr-us-de-2022']);
    expect(sorted(await agreementIds(partnerNl))).toEqual(sorted(partyTo('nl-ncsc')));
  });

  it('are refused a hidden agreement by root field and reference: null and FORBIDDEN', async () => {
    const root = await subgraph.post(
      '{ gb: agreement(id: "agr-us-gb-2021") { id } nl: agreement(id: "agr-us-nl-2023") { id parties { id } } }',
      {},
      partnerNl,
    );
    expect(root.body.data.gb).toBeNull();
    // Parties of a visible agreement are visible too, other organizations included.
    const nl = demoAgreements.find((a) => a.id === 'agr-us-nl-2023')!;
    expect(sorted(root.body.data.nl.parties.map((p: any) => p.id))).toEqual(sorted(nl.parties));
    expect(root.body.errors).toHaveLength(1);
    expect(root.body.errors[0]).toMatchObject({ path: ['gb'], extensions: { code: 'FORBIDDEN' } });

    const ref = await subgraph.post(
      entities('... on Agreement { id }'),
      { r: [{ __typename: 'Agreement', id: 'agr-us-nl-2023' }, { __typename: 'Agreement', id: 'agr-us-gb-2021' }] },
      partnerNl,
    );
    expect(ref.body.data._entities).toEqual([{ id: 'agr-us-nl-2023' }, null]);
    expect(ref.body.errors[0]).toMatchObject({ path: ['_entities', 1], extensions: { code: 'FORBIDDEN' } });
  });

  it('find hidden agreements left out of Organization.agreements and Engagement.agreement', async () => {
    // eng-05 is carried out under the German arrangement, which NCSC-NL is no party to.
    const underDe = demoAgreements.find((a) => a.engagements.includes('eng-05'))!;
    expect(underDe.parties).not.toContain('nl-ncsc');
    const { body } = await subgraph.post(
      entities('... on Engagement { id agreement { id } } ... on Organization { id agreements { id } }'),
      {
        r: [
          { __typename: 'Engagement', id: 'eng-05' },
          { __typename: 'Engagement', id: 'eng-01' },
          { __typename: 'Organization', id: 'de-cert-bund' },
          { __typename: 'Organization', id: 'nl-ncsc' },
        ],
      },
      partnerNl,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: 'eng-05', agreement: null },
      { id: 'eng-01', agreement: { id: 'agr-us-nl-2023' } },
      { id: 'de-cert-bund', agreements: [] },
      { id: 'nl-ncsc', agreements: partyTo('nl-ncsc').map((id) => ({ id })) },
    ]);
  });
});

describe('US government', () => {
  it('sees every agreement', async () => {
    expect(sorted(await agreementIds(TEST_PRINCIPAL))).toEqual(sorted(demoAgreements.map((a) => a.id)));
  });
});

describe('stateAuditLog', () => {
  it('is for STATE auditors only', async () => {
    const query = '{ stateAuditLog(first: 1) { totalCount } }';
    const cisa = await subgraph.post(query, {}, TEST_PRINCIPAL);
    expect(codes(cisa.body.errors)).toEqual(['FORBIDDEN']);
    const state = await subgraph.post(query, {}, stateAuditor);
    expect(state.body.errors).toBeUndefined();
    expect(typeof state.body.data.stateAuditLog.totalCount).toBe('number');
  });
});
