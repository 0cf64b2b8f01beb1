import type { maturityAssessments } from '../../db/schema';

type Method = (typeof maturityAssessments.$inferInsert)['method'];
export type MaturityAssessmentSeed = Omit<typeof maturityAssessments.$inferInsert, 'version' | 'createdAt'>;

const CSIRT = 'SIM3 v2';
const CSF = 'NIST CSF 2.0';
const C2M2 = 'C2M2 v2.1';
const OT = 'ISA/IEC 62443';
const ISO = 'ISO/IEC 27001:2022';
const SEMI = 'SEMI E187';

/**
 * Organization, date, level, method, framework, notes. Every national CSIRT and operator of
 * docs/demo-data.md has one or two (a history): mature CSIRTs, operators that vary widely, some
 * rising after joint work (ua-grid-ops, pl-baltic-gas), one self-assessment that a CISA assessment
 * corrected (fr-marseille-hub), and the Red Sea landing at the bottom.
 */
// One row per line reads as the table it is.
// prettier-ignore
const rows: [string, string, number, Method, string, string?][] = [
  ['nl-ncsc', '2024-05-14', 3, 'PEER_REVIEW', CSIRT],
  ['nl-ncsc', '2025-11-20', 4, 'CISA_ASSESSMENT', CSIRT, 'Round-the-clock duty desk and automated indicator sharing now in place.'],
  ['nl-maasvlakte-terminals', '2025-03-12', 3, 'CISA_ASSESSMENT', OT, 'Terminal OS segmented; crane PLCs still reachable from the office network.'],
  ['nl-noordzee-datacenters', '2025-06-04', 4, 'THIRD_PARTY_AUDIT', ISO],
  ['de-cert-bund', '2023-10-17', 4, 'PEER_REVIEW', CSIRT],
  ['de-cert-bund', '2025-04-22', 5, 'PEER_REVIEW', CSIRT, 'Measured, continuously improved processes across all SIM3 areas.'],
  ['de-rhein-netz', '2024-10-08', 3, 'SELF_ASSESSMENT', C2M2],
  ['de-rhein-netz', '2026-02-17', 3, 'CISA_ASSESSMENT', C2M2, 'Self-assessment confirmed; supply chain domain the weakest.'],
  ['de-nordsee-kabel', '2025-09-16', 2, 'CISA_ASSESSMENT', CSF, 'Landing stations rely on vendor remote access without MFA.'],
  ['gb-ncsc', '2025-02-11', 5, 'PEER_REVIEW', CSIRT],
  ['gb-cornwall-landing', '2025-05-27', 3, 'THIRD_PARTY_AUDIT', 'NCSC CAF 3.2'],
  ['fr-cert-fr', '2025-03-04', 4, 'PEER_REVIEW', CSIRT],
  ['fr-marseille-hub', '2024-11-19', 3, 'SELF_ASSESSMENT', CSF],
  ['fr-marseille-hub', '2026-01-27', 2, 'CISA_ASSESSMENT', CSF, 'Asset inventory covers the data centre but not the landing station.'],
  ['pl-cert-polska', '2025-06-17', 4, 'PEER_REVIEW', CSIRT],
  ['pl-baltic-gas', '2025-08-12', 2, 'CISA_ASSESSMENT', C2M2],
  ['pl-baltic-gas', '2026-05-19', 3, 'CISA_ASSESSMENT', C2M2, 'Compressor station monitoring added after the 2025 assessment.'],
  ['ee-cert-ee', '2025-01-21', 4, 'PEER_REVIEW', CSIRT],
  ['ee-ria', '2025-01-21', 4, 'PEER_REVIEW', ISO],
  ['ee-estlink-grid', '2025-10-07', 3, 'CISA_ASSESSMENT', C2M2],
  ['ua-cert-ua', '2024-09-10', 3, 'CISA_ASSESSMENT', CSIRT],
  ['ua-cert-ua', '2026-03-03', 4, 'PEER_REVIEW', CSIRT, 'Hardened under sustained attack; coordination with grid operators now routine.'],
  ['ua-grid-ops', '2025-02-18', 2, 'CISA_ASSESSMENT', C2M2, 'Manual fallback exists; no OT network monitoring.'],
  ['ua-grid-ops', '2026-04-21', 3, 'CISA_ASSESSMENT', C2M2, 'OT monitoring deployed at the main dispatch centre.'],
  ['no-ncsc', '2025-05-06', 4, 'PEER_REVIEW', CSIRT],
  ['no-nordsjo-gas', '2025-09-23', 3, 'THIRD_PARTY_AUDIT', OT],
  ['jp-jpcert', '2024-06-11', 4, 'PEER_REVIEW', CSIRT],
  ['jp-jpcert', '2026-06-16', 5, 'PEER_REVIEW', CSIRT],
  ['jp-kanto-semi', '2025-07-08', 3, 'THIRD_PARTY_AUDIT', SEMI],
  ['kr-krcert', '2025-04-15', 4, 'PEER_REVIEW', CSIRT],
  ['kr-busan-port', '2025-11-11', 2, 'CISA_ASSESSMENT', OT, 'Terminal operating system patched yearly; flat network.'],
  ['tw-twcert', '2025-03-25', 3, 'PEER_REVIEW', CSIRT],
  ['tw-twcert', '2026-07-14', 4, 'CISA_ASSESSMENT', CSIRT],
  ['tw-hsinchu-foundry', '2025-08-19', 4, 'THIRD_PARTY_AUDIT', SEMI],
  ['sg-csa', '2025-02-25', 4, 'PEER_REVIEW', CSF],
  ['sg-singcert', '2025-02-25', 4, 'PEER_REVIEW', CSIRT],
  ['sg-straits-dc', '2025-10-21', 4, 'THIRD_PARTY_AUDIT', ISO],
  ['au-acsc', '2025-05-13', 5, 'PEER_REVIEW', CSIRT],
  ['au-pilbara-lng', '2024-12-03', 2, 'SELF_ASSESSMENT', C2M2],
  ['au-pilbara-lng', '2026-02-10', 3, 'CISA_ASSESSMENT', C2M2],
  ['ca-cccs', '2025-06-24', 5, 'PEER_REVIEW', CSIRT],
  ['ca-lakes-power', '2025-09-09', 3, 'CISA_ASSESSMENT', C2M2],
  ['eg-egcert', '2025-04-01', 2, 'CISA_ASSESSMENT', CSIRT, 'Small team; no shift coverage outside office hours.'],
  ['eg-red-sea-landing', '2024-09-17', 2, 'SELF_ASSESSMENT', CSF],
  ['eg-red-sea-landing', '2025-07-29', 1, 'CISA_ASSESSMENT', CSF, 'No OT asset inventory; one shared administrator account for all landing systems.'],
];

/** Maturity assessments; ids `ma-<organization>-<assessedOn>`. */
export const demoMaturityAssessments: MaturityAssessmentSeed[] = rows.map(
  ([organizationId, assessedOn, level, method, framework, notes]) => ({
    id: `ma-${organizationId}-${assessedOn}`,
    organizationId,
    level,
    assessedOn,
    method,
    framework,
    notes: notes ?? null,
  }),
);
