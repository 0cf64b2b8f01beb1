// The schema the generators aim at: real writing mutations of schema/*.graphql with inputs their
// validation refuses, and a read field per subgraph.

/** One writing mutation, with a base input and the breaks that must make it fail before writing. */
export interface MutationSample {
  subgraph: string;
  /** The persona (gateway/src/auth/personas.ts) whose scopes let it reach input validation. */
  persona: string;
  field: string;
  query: string;
  input: Record<string, unknown>;
  /** Each one alone makes the input invalid: a value of the right type that validation refuses. */
  breaks: Record<string, unknown>[];
}

const mutation = (field: string, type: string) =>
  `mutation Fuzz($input: ${type}!, $key: String) { ${field}(input: $input, idempotencyKey: $key) { __typename } }`;

/** Real mutations of schema/*.graphql, each with breaks its validation refuses (nothing written). */
export const MUTATIONS: MutationSample[] = [
  {
    subgraph: 'cisa',
    persona: 'cisa-analyst',
    field: 'createAsset',
    query: mutation('createAsset', 'CreateAssetInput'),
    input: { name: 'Fuzz cable landing', kind: 'CABLE_LANDING', countryCode: 'NL', latitude: 52.1, longitude: 4.3 },
    breaks: [{ latitude: 500 }, { longitude: -999 }, { name: '' }, { technologies: Array.from({ length: 60 }, (_, i) => `t${i}`) }, { sectorCodes: ['x'] }],
  },
  {
    subgraph: 'cisa',
    persona: 'cisa-analyst',
    field: 'createDependency',
    query: mutation('createDependency', 'CreateDependencyInput'),
    input: { assetId: 'asset-1', sectorCode: 'ENERGY', kind: 'PHYSICAL', coupling: 'TIGHT', criticality: 3, substitutability: 'LOW' },
    breaks: [{ criticality: 0 }, { criticality: 99 }, { sectorCode: 'x' }],
  },
  {
    subgraph: 'cisa',
    persona: 'cisa-analyst',
    field: 'draftThreatProduct',
    query: mutation('draftThreatProduct', 'DraftThreatProductInput'),
    input: { trackingId: 'FZ26-001A', kind: 'ADVISORY', title: 'Fuzz advisory', summary: 'Fuzz', tlp: 'CLEAR' },
    breaks: [{ trackingId: 'not a tracking id' }, { title: '' }, { title: 'x'.repeat(400) }],
  },
  {
    subgraph: 'dhs',
    persona: 'dhs-coordinator',
    field: 'createEngagement',
    query: `mutation Fuzz($input: CreateEngagementInput!, $key: String) { createEngagement(input: $input, idempotencyKey: $key) { engagement { id } } }`,
    input: { title: 'Fuzz exchange', kind: 'TECHNICAL_EXCHANGE', leadAgency: 'DHS', country: 'NL', startsOn: '2027-03-01', strategicGoal: 3 },
    breaks: [{ strategicGoal: 7 }, { strategicGoal: 0 }, { title: '' }, { endsOn: '2027-02-01' }, { leadAgency: 'not an agency' }],
  },
  {
    subgraph: 'state',
    persona: 'state-officer',
    field: 'createOrganization',
    query: mutation('createOrganization', 'CreateOrganizationInput'),
    input: { name: 'Fuzz regulator', kind: 'REGULATOR', country: 'NL', website: 'https://fuzz.example' },
    breaks: [{ name: '' }, { website: 'http://not-https.example' }, { name: 'x'.repeat(250) }],
  },
  {
    subgraph: 'state',
    persona: 'state-officer',
    field: 'recordAgreement',
    query: mutation('recordAgreement', 'RecordAgreementInput'),
    input: { title: 'Fuzz MOU', kind: 'MEMORANDUM_OF_UNDERSTANDING', status: 'IN_FORCE', usAgencies: ['STATE'], parties: ['nl-ncsc'], maxTlp: 'GREEN' },
    breaks: [{ parties: [] }, { title: '' }],
  },
  {
    subgraph: 'partners',
    persona: 'cisa-analyst',
    field: 'recordMaturityAssessment',
    query: mutation('recordMaturityAssessment', 'RecordMaturityAssessmentInput'),
    input: { organizationId: 'nl-ncsc', level: 3, assessedOn: '2026-01-20', method: 'CISA_ASSESSMENT' },
    breaks: [{ level: 9 }, { level: 0 }, { assessedOn: '2999-01-01' }],
  },
  {
    subgraph: 'partners',
    persona: 'partner-nl',
    field: 'reportSighting',
    query: mutation('reportSighting', 'ReportSightingInput'),
    input: { productId: 'tp-34', kind: 'INDICATOR_SEEN', indicatorValue: '203.0.113.9', observedAt: '2026-01-20T10:00:00Z', count: 2 },
    breaks: [{ count: 0 }, { count: 2_000_000 }, { observedAt: '1999-01-01T00:00:00Z' }, { observedAt: '2999-01-01T00:00:00Z' }],
  },
];

/** A read field the target serves, with an `ID!` argument and a list with `first: Int`. */
export const READS: Record<string, { one: string; list: string }> = {
  cisa: { one: 'asset', list: 'assets' },
  dhs: { one: 'engagement', list: 'engagements' },
  state: { one: 'agreement', list: 'agreements' },
  partners: { one: 'delivery', list: 'deliveries' },
};
