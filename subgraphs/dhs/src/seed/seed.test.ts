import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DhsSchema } from '../db/schema';
import { dhsMain } from '../main';

let demo: StartedSubgraph<DhsSchema>;
let bare: StartedSubgraph<DhsSchema>;

beforeAll(async () => {
  [demo, bare] = await Promise.all([startTestSubgraph(dhsMain), startTestSubgraph(dhsMain, { demo: false })]);
});
afterAll(async () => {
  await Promise.all([demo?.close(), bare?.close()]);
});

// docs/demo-data.md: State's agreements refer to these rows, so country and partners are a contract.
const CONTRACT: Record<string, [string | null, string[]]> = {
  'eng-01': ['NL', ['nl-maasvlakte-terminals', 'nl-ncsc']],
  'eng-02': ['NL', ['nl-ncsc', 'nl-rdi']],
  'eng-05': ['DE', ['de-cert-bund']],
  'eng-06': ['DE', ['de-bnetza', 'de-cert-bund']],
  'eng-08': ['GB', ['gb-ncsc']],
  'eng-10': ['FR', ['fr-cert-fr', 'fr-marseille-hub']],
  'eng-12': ['EE', ['ee-cert-ee', 'ee-ria']],
  'eng-14': ['UA', ['ua-cert-ua']],
  'eng-15': ['UA', ['ua-cert-ua', 'ua-grid-ops']],
  'eng-17': ['JP', ['jp-jpcert']],
  'eng-18': ['JP', ['jp-jpcert', 'jp-kanto-semi']],
  'eng-20': ['SG', ['sg-csa']],
  'eng-22': ['AU', ['au-acsc']],
  'eng-24': ['KR', ['kr-busan-port', 'kr-krcert']],
  'eng-26': [null, ['mb-enisa']],
};

describe('dhs seed', () => {
  it('loads the fixed demo rows exactly as docs/demo-data.md gives them', async () => {
    const { body } = await demo.post('{ engagements(first: 100) { edges { node { id startsOn endsOn status country { code } partnerOrganizations { id } } } } }');
    const byId = new Map(body.data.engagements.edges.map((e: any) => [e.node.id, e.node]));
    expect([...byId.keys()].sort()).toEqual(Array.from({ length: 34 }, (_, i) => `eng-${String(i + 1).padStart(2, '0')}`));
    for (const [id, [country, partners]] of Object.entries(CONTRACT)) {
      const node: any = byId.get(id);
      expect({ id, country: node.country?.code ?? null, partners: node.partnerOrganizations.map((o: any) => o.id) }).toEqual({ id, country, partners });
    }
    expect(byId.get('eng-17')).toMatchObject({ startsOn: '2019-06-01', endsOn: '2024-12-31', status: 'COMPLETED' });
  });

  it('covers every kind, status, goal and the deconfliction overlaps', async () => {
    const { body } = await demo.post('{ engagements(first: 100) { edges { node { kind status strategicGoal leadAgency } } } nl: engagements(country: "NL", first: 0) { totalCount } }');
    const nodes = body.data.engagements.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.kind)).size).toBe(6);
    expect(new Set(nodes.map((n: any) => n.status)).size).toBe(4);
    expect(new Set(nodes.map((n: any) => n.strategicGoal))).toEqual(new Set([1, 2, 3]));
    expect(new Set(nodes.map((n: any) => n.leadAgency))).toEqual(new Set(['CISA', 'STATE', 'DHS', 'DOE', 'TREASURY', 'FBI']));
    expect(body.data.nl.totalCount).toBeGreaterThanOrEqual(4);
    // A CISA technical exchange and a State dialogue with NCSC-NL in the same week.
    const week = await demo.post('{ engagements(organization: "nl-ncsc", from: "2026-03-09", to: "2026-03-13") { edges { node { id kind leadAgency } } } }');
    expect(week.body.data.engagements.edges.map((e: any) => e.node)).toEqual([
      { id: 'eng-03', kind: 'TECHNICAL_EXCHANGE', leadAgency: 'CISA' },
      { id: 'eng-02', kind: 'DIALOGUE', leadAgency: 'STATE' },
    ]);
  });

  it('seeds idempotently', async () => {
    const first = await dhsMain.seed(demo.database, { demo: true });
    const second = await dhsMain.seed(demo.database, { demo: true });
    expect(first).toEqual({ sectors: 16, engagements: 34 });
    expect(second).toEqual(first);
    const { body } = await demo.post('{ sectors { code } engagements(first: 0) { totalCount } engagement(id: "eng-01") { partnerOrganizations { id } sectors { code } } }');
    expect(body.data.sectors).toHaveLength(16);
    expect(body.data.engagements.totalCount).toBe(34);
    expect(body.data.engagement.partnerOrganizations).toHaveLength(2);
    expect(body.data.engagement.sectors).toHaveLength(2);
  });

  it('loads only the reference sectors without the demo set', async () => {
    expect(await dhsMain.seed(bare.database, { demo: false })).toEqual({ sectors: 16, engagements: 0 });
    const { body } = await bare.post('{ sectors { code } engagements(first: 0) { totalCount } }');
    expect(body.data.sectors).toHaveLength(16);
    expect(body.data.engagements.totalCount).toBe(0);
  });
});
