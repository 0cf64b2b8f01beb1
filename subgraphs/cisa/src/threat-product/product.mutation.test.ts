import type { Principal } from '@iag/kit';
import { count } from '@iag/kit/orm';
import { TEST_PRINCIPAL, startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threatProductRevisions, threatProducts, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import { personas } from '../test-personas';

let subgraph: StartedSubgraph<CisaSchema>;
const gql = (query: string, variables?: Record<string, unknown>, principal?: Principal) => subgraph.post(query, variables, principal);
const writerOnly: Principal = { ...TEST_PRINCIPAL, sub: 'cisa:analyst-2', scopes: ['threat-products:write'] };
const dhsPublisher: Principal = { kind: 'US_GOVERNMENT', sub: 'dhs:writer-1', agency: 'DHS', scopes: ['threat-products:write', 'threat-products:publish'] };
const rows = async () => ({
  products: (await subgraph.database.db.select({ n: count() }).from(threatProducts))[0].n,
  revisions: (await subgraph.database.db.select({ n: count() }).from(threatProductRevisions))[0].n,
});

const P = 'id trackingId title summary tlp status revision version publishedAt withdrawnAt authorAgency audience { agencies individuals } revisions { revision title changeNote createdBy }';
const DRAFT = `mutation($input: DraftThreatProductInput!) { draftThreatProduct(input: $input) { ${P} } }`;
const EDIT = `mutation($id: ID!, $v: Int!, $input: ThreatProductChangeInput!) { editThreatProductDraft(id: $id, expectedVersion: $v, input: $input) { ${P} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishThreatProduct(id: $id, expectedVersion: $v) { ${P} } }`;
const REVISE = `mutation($id: ID!, $v: Int!, $input: ThreatProductChangeInput!, $note: String!) { reviseThreatProduct(id: $id, expectedVersion: $v, input: $input, changeNote: $note) { ${P} } }`;
const WITHDRAW = `mutation($id: ID!, $v: Int!, $reason: String!) { withdrawThreatProduct(id: $id, expectedVersion: $v, reason: $reason) { ${P} } }`;
const draftInput = {
  trackingId: 'AA26-001A', kind: 'ADVISORY', title: 'First title', summary: 'Something is being exploited.', tlp: 'AMBER',
  audience: { agencies: ['CISA', 'DHS'] }, recommendedActions: ['Patch now.'], indicators: [{ type: 'ipv4-addr', value: '192.0.2.7' }],
};
const code = (body: any) => body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

describe('threat product life cycle', () => {
  it('drafts, edits, publishes, revises and withdraws, keeping every revision', async () => {
    const drafted = await gql(DRAFT, { input: draftInput });
    expect(drafted.body.errors).toBeUndefined();
    const { id } = drafted.body.data.draftThreatProduct;
    expect(drafted.body.data.draftThreatProduct).toMatchObject({
      status: 'DRAFT', revision: 1, version: 1, publishedAt: null, authorAgency: 'CISA',
      revisions: [{ revision: 1, title: 'First title', createdBy: 'cisa:analyst-1' }],
    });

    const edited = (await gql(EDIT, { id, v: 1, input: { title: 'Better title' } })).body.data.editThreatProductDraft;
    expect(edited).toMatchObject({ title: 'Better title', summary: draftInput.summary, revision: 1, version: 2, revisions: [{ revision: 1, title: 'Better title' }] });

    const published = (await gql(PUBLISH, { id, v: 2 })).body.data.publishThreatProduct;
    expect(published).toMatchObject({ status: 'PUBLISHED', revision: 1, version: 3 });
    expect(Date.parse(published.publishedAt)).toBeGreaterThan(Date.now() - 60_000);

    const notDraft = await gql(EDIT, { id, v: 3, input: { title: 'Sneaky' } });
    expect(notDraft.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(code((await gql(PUBLISH, { id, v: 3 })).body)).toBe('BAD_USER_INPUT');
    expect(code((await gql(REVISE, { id, v: 2, input: { summary: 'x' }, note: 'stale' })).body)).toBe('CONFLICT');

    const revised = (await gql(REVISE, { id, v: 3, input: { summary: 'Now also exploited by X.' }, note: 'Added actor X.' })).body.data.reviseThreatProduct;
    expect(revised).toMatchObject({ status: 'PUBLISHED', revision: 2, version: 4, summary: 'Now also exploited by X.' });
    expect(revised.revisions.map((r: any) => [r.revision, r.changeNote])).toEqual([[1, 'Draft started.'], [2, 'Added actor X.']]);

    const withdrawn = (await gql(WITHDRAW, { id, v: 4, reason: 'Superseded by AA26-002A.' })).body.data.withdrawThreatProduct;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', revision: 3, version: 5 });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn.revisions).toHaveLength(3);
    expect(code((await gql(REVISE, { id, v: 5, input: {}, note: 'too late' })).body)).toBe('BAD_USER_INPUT');
    expect(code((await gql(WITHDRAW, { id, v: 5, reason: 'again' })).body)).toBe('BAD_USER_INPUT');
  });

  it('refuses bad input field by field, a duplicate tracking id, and writes nothing', async () => {
    const before = await rows();
    const bad = { ...draftInput, trackingId: 'aa 26', title: ' ', audience: { agencies: ['cisa'] }, indicators: [{ type: '', value: 'x' }] };
    const { body } = await gql(DRAFT, { input: bad });
    expect(body.errors.map((e: any) => e.extensions.field)).toEqual(
      ['input.trackingId', 'input.title', 'input.audience.agencies[0]', 'input.indicators[0].type'],
    );
    expect(code((await gql(DRAFT, { input: { ...draftInput, trackingId: 'AA25-183A' } })).body)).toBe('CONFLICT');
    expect(await rows()).toEqual(before);
  });

  it('lets only callers who can see a product change it, and only publishers publish', async () => {
    const { id } = (await gql(DRAFT, { input: { ...draftInput, trackingId: 'AA26-003A' } })).body.data.draftThreatProduct;
    // A CISA draft is hidden from DHS, whatever its audience says.
    expect(code((await gql(PUBLISH, { id, v: 1 }, dhsPublisher)).body)).toBe('FORBIDDEN');
    expect(code((await gql(EDIT, { id, v: 1, input: { title: 'x' } }, personas.partnerNl)).body)).toBe('FORBIDDEN');
    expect(code((await gql(PUBLISH, { id, v: 1 }, writerOnly)).body)).toBe('FORBIDDEN');
    expect(code((await gql(EDIT, { id, v: 1, input: { title: 'x' } }, personas.anonymous)).body)).toBe('UNAUTHENTICATED');
    // Another CISA writer sees the agency's drafts and may edit them.
    expect((await gql(EDIT, { id, v: 1, input: { title: 'Edited by a colleague' } }, writerOnly)).body.data.editThreatProductDraft.version).toBe(2);
    // Once published, DHS (in the AMBER audience) may read it, but only CISA, its author, changes it.
    await gql(PUBLISH, { id, v: 2 });
    expect(code((await gql(REVISE, { id, v: 3, input: {}, note: 'DHS addition.' }, dhsPublisher)).body)).toBe('FORBIDDEN');
    const revised = await gql(REVISE, { id, v: 3, input: {}, note: 'CISA addition.' });
    expect(revised.body.data.reviseThreatProduct.revisions[1]).toMatchObject({ revision: 2, createdBy: 'cisa:analyst-1' });
    // A RED product names its readers; others may not touch it.
    const red = (await gql(DRAFT, { input: { ...draftInput, trackingId: 'AA26-004A', tlp: 'RED', audience: { individuals: ['dhs:someone'] } } })).body.data.draftThreatProduct;
    await gql(PUBLISH, { id: red.id, v: 1 });
    expect(code((await gql(WITHDRAW, { id: red.id, v: 2, reason: 'no' }, dhsPublisher)).body)).toBe('FORBIDDEN');
    expect(code((await gql(WITHDRAW, { id: 'tp-nope', v: 1, reason: 'no' })).body)).toBe('NOT_FOUND');
  });
});

describe('idempotency keys on the life cycle', () => {
  const DRAFT_KEYED = `mutation($input: DraftThreatProductInput!, $key: String) { draftThreatProduct(input: $input, idempotencyKey: $key) { id version } }`;
  const PUBLISH_KEYED = `mutation($id: ID!, $v: Int!, $key: String) { publishThreatProduct(id: $id, expectedVersion: $v, idempotencyKey: $key) { id status version } }`;

  it('replays a repeated draft and a repeated publish instead of changing twice', async () => {
    const before = await rows();
    const input = { ...draftInput, trackingId: 'AA26-377A' };
    const first = await gql(DRAFT_KEYED, { input, key: 'draft-377' });
    const again = await gql(DRAFT_KEYED, { input, key: 'draft-377' });
    expect(again.body.data.draftThreatProduct.id).toBe(first.body.data.draftThreatProduct.id);
    expect((await rows()).products).toBe(before.products + 1);

    const { id } = first.body.data.draftThreatProduct;
    const published = await gql(PUBLISH_KEYED, { id, v: 1, key: 'publish-377' });
    const replayed = await gql(PUBLISH_KEYED, { id, v: 1, key: 'publish-377' });
    expect(replayed.body.errors).toBeUndefined();
    expect(replayed.body.data.publishThreatProduct).toEqual(published.body.data.publishThreatProduct);
    expect(published.body.data.publishThreatProduct).toMatchObject({ status: 'PUBLISHED', version: 2 });
  });

  it('answers CONFLICT when a key comes back with different input', async () => {
    await gql(DRAFT_KEYED, { input: { ...draftInput, trackingId: 'AA26-378A' }, key: 'draft-378' });
    const other = await gql(DRAFT_KEYED, { input: { ...draftInput, trackingId: 'AA26-379A' }, key: 'draft-378' });
    expect(code(other.body)).toBe('CONFLICT');
  });
});

describe('what a product concerns', () => {
  const LINKED = `mutation($input: DraftThreatProductInput!) { draftThreatProduct(input: $input) {
    id countries { code } sectors { code } vulnerabilities { cveId } } }`;

  it('records countries, sectors and KEV entries with the draft, and replaces them on edit', async () => {
    const input = { ...draftInput, trackingId: 'AA26-380A', countryCodes: ['NL', 'DE'], sectorCodes: ['ENERGY'], cveIds: ['CVE-2023-3519'] };
    const { body } = await gql(LINKED, { input });
    expect(body.errors).toBeUndefined();
    const product = body.data.draftThreatProduct;
    expect(product.countries.map((c: any) => c.code).sort()).toEqual(['DE', 'NL']);
    expect(product.sectors).toEqual([{ code: 'ENERGY' }]);
    expect(product.vulnerabilities).toEqual([{ cveId: 'CVE-2023-3519' }]);
    const edited = await gql(
      'mutation($id: ID!) { editThreatProductDraft(id: $id, expectedVersion: 1, input: { countryCodes: ["FR"] }) { countries { code } sectors { code } } }',
      { id: product.id },
    );
    expect(edited.body.data.editThreatProductDraft).toEqual({ countries: [{ code: 'FR' }], sectors: [{ code: 'ENERGY' }] });
  });

  it('refuses malformed codes field by field and unknown CVE ids, writing nothing', async () => {
    const before = await rows();
    const bad = await gql(LINKED, { input: { ...draftInput, trackingId: 'AA26-381A', countryCodes: ['nl'], sectorCodes: ['energy'] } });
    expect(bad.body.errors.map((e: any) => e.extensions.field).sort()).toEqual(['input.countryCodes[0]', 'input.sectorCodes[0]']);
    const unknown = await gql(LINKED, { input: { ...draftInput, trackingId: 'AA26-382A', cveIds: ['CVE-1999-99999'] } });
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cveIds' });
    expect(await rows()).toEqual(before);
  });
});
