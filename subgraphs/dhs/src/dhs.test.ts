import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DhsSchema } from './db/schema';
import { dhsMain } from './main';

let subgraph: StartedSubgraph<DhsSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);

beforeAll(async () => {
  subgraph = await startTestSubgraph(dhsMain);
});
afterAll(() => subgraph?.close());

const SECTOR_CODES = [
  'CHEMICAL', 'COMMERCIAL_FACILITIES', 'COMMUNICATIONS', 'CRITICAL_MANUFACTURING', 'DAMS', 'DEFENSE_INDUSTRIAL_BASE',
  'EMERGENCY_SERVICES', 'ENERGY', 'FINANCIAL_SERVICES', 'FOOD_AND_AGRICULTURE', 'GOVERNMENT_SERVICES_AND_FACILITIES',
  'HEALTHCARE_AND_PUBLIC_HEALTH', 'INFORMATION_TECHNOLOGY', 'NUCLEAR_REACTORS_MATERIALS_AND_WASTE',
  'TRANSPORTATION_SYSTEMS', 'WATER_AND_WASTEWATER_SYSTEMS',
];

describe('dhs subgraph', () => {
  it('serves the 16 sectors by name with their risk management agencies', async () => {
    const { body } = await gql('{ sectors { code name riskManagementAgencies } sector(code: "FOOD_AND_AGRICULTURE") { name riskManagementAgencies description } }');
    expect(body.errors).toBeUndefined();
    const names = body.data.sectors.map((s: any) => s.name);
    expect(names).toEqual([...names].sort());
    expect(body.data.sectors.map((s: any) => s.code).sort()).toEqual(SECTOR_CODES);
    expect(body.data.sector).toMatchObject({ name: 'Food and Agriculture', riskManagementAgencies: ['USDA', 'HHS'] });
    const energy = body.data.sectors.find((s: any) => s.code === 'ENERGY');
    expect(energy.riskManagementAgencies).toEqual(['DOE']);
  });

  it('serves an engagement with its references', async () => {
    const { body } = await gql(`{
      nl: engagement(id: "eng-01") { title kind leadAgency country { code } startsOn endsOn status strategicGoal version
        partnerOrganizations { id } sectors { code } }
      multilateral: engagement(id: "eng-26") { country { code } partnerOrganizations { id } endsOn } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.nl).toMatchObject({
      kind: 'TECHNICAL_EXCHANGE',
      leadAgency: 'CISA',
      country: { code: 'NL' },
      startsOn: '2023-06-05',
      endsOn: '2024-03-29',
      status: 'COMPLETED',
      strategicGoal: 1,
      version: 1,
      partnerOrganizations: [{ id: 'nl-maasvlakte-terminals' }, { id: 'nl-ncsc' }],
      // by sector name: Information Technology before Transportation Systems
      sectors: [{ code: 'INFORMATION_TECHNOLOGY' }, { code: 'TRANSPORTATION_SYSTEMS' }],
    });
    expect(body.data.multilateral).toEqual({ country: null, partnerOrganizations: [{ id: 'mb-enisa' }], endsOn: '2026-12-18' });
  });

  it('answers NOT_FOUND for unknown root keys', async () => {
    const { body } = await gql('{ engagement(id: "eng-99") { id } }');
    expect(body.data.engagement).toBeNull();
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    const sector = await gql('{ sector(code: "SPACE") { name } }');
    expect(sector.body.data.sector).toBeNull();
    expect(sector.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('resolves entities by key through _entities, null for unknown keys', async () => {
    const { body } = await gql(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Sector { code name }
        ... on Engagement { id title country { code } }
        ... on Country { code engagements(first: 1) { totalCount edges { node { id } } } }
        ... on Organization { id engagements(first: 1) { totalCount edges { node { id } } } } } }`,
      {
        r: [
          { __typename: 'Sector', code: 'ENERGY' },
          { __typename: 'Sector', code: 'SPACE' },
          { __typename: 'Engagement', id: 'eng-05' },
          { __typename: 'Engagement', id: 'eng-99' },
          { __typename: 'Country', code: 'NL' },
          { __typename: 'Organization', id: 'ua-cert-ua' },
          { __typename: 'Organization', id: 'nobody' },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { code: 'ENERGY', name: 'Energy' },
      null,
      { id: 'eng-05', title: 'Grid and cable landing threat exchange', country: { code: 'DE' } },
      null,
      { code: 'NL', engagements: { totalCount: 6, edges: [{ node: { id: 'eng-27' } }] } },
      { id: 'ua-cert-ua', engagements: { totalCount: 3, edges: [{ node: { id: 'eng-16' } }] } },
      // State owns organizations: an id DHS has never seen simply has no engagements here.
      { id: 'nobody', engagements: { totalCount: 0, edges: [] } },
    ]);
  });

  it('pages a sector\'s engagements', async () => {
    const { body } = await gql('{ sector(code: "ENERGY") { engagements(first: 100) { totalCount edges { node { id sectors { code } } } } } }');
    const { totalCount, edges } = body.data.sector.engagements;
    expect(totalCount).toBe(edges.length);
    expect(totalCount).toBeGreaterThan(5);
    expect(edges.every((e: any) => e.node.sectors.some((s: any) => s.code === 'ENERGY'))).toBe(true);
  });
});
