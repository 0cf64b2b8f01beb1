import { act, domain, file, ip, type DemoProduct } from './demo-product';

// TLP:RED products (tp-39 … tp-44 of docs/demo-data.md): for the named individuals only. Invented.
export const redProducts: DemoProduct[] = [
  {
    id: 'tp-39', trackingId: 'AR26-160A', kind: 'ANALYSIS_REPORT', tlp: 'RED', status: 'PUBLISHED', at: '2026-06-09T13:00:00Z',
    title: 'Victims and access brokers in the Cornwall landing intrusion',
    summary: 'Names the affected operator, the accounts used and the broker that sold the access; for the named analysts only.',
    countries: ['GB'], sectors: ['COMMUNICATIONS'], cves: ['CVE-2025-20337'], individuals: ['gb-ncsc:analyst-1', 'cisa:analyst-1'],
    indicators: [ip('198.51.100.250', 'Broker infrastructure'), domain('access-market.example.net', 'Broker forum mirror')],
    actions: [act.rotate, 'Coordinate victim notification with NCSC before any other action.'],
    changes: ['Initial publication.'],
  },
  {
    id: 'tp-40', trackingId: 'IB26-182A', kind: 'INDICATOR_BUNDLE', tlp: 'RED', status: 'PUBLISHED', at: '2026-07-01T10:00:00Z',
    title: 'Sensitive-source indicators: Dutch port OT intrusion',
    summary: 'Indicators from a sensitive source about an intrusion into port operational technology in the Netherlands; not to be used for blocking.',
    countries: ['NL'], sectors: ['TRANSPORTATION_SYSTEMS'], cves: ['CVE-2025-0282'], individuals: ['nl-ncsc:duty-officer', 'cisa:analyst-1'],
    indicators: [ip('192.0.2.5', 'Actor operator address'), file('tp-40/ot-tool', 'OT reconnaissance tool')],
    actions: ['Hunt only; do not block, to protect the source.'],
    changes: ['Initial publication.', 'Added the OT reconnaissance tool.'],
  },
  {
    id: 'tp-41', trackingId: 'AA26-204A', kind: 'ALERT', tlp: 'RED', status: 'PUBLISHED', at: '2026-07-23T19:00:00Z',
    title: 'Specific threat to a Ukrainian grid control centre',
    summary: 'Time-critical warning of a planned attack on a named control centre, for the CERT-UA lead only.',
    countries: ['UA'], sectors: ['ENERGY'], cves: ['CVE-2024-55591'], individuals: ['ua-cert-ua:lead', 'cisa:analyst-1'],
    indicators: [ip('203.0.113.13', 'Planned staging address')],
    actions: [act.segment, 'Move the control centre to manual operation procedures for the window named in the report.'],
    changes: ['Initial publication.'],
  },
  {
    id: 'tp-42', trackingId: 'AR26-236A', kind: 'ANALYSIS_REPORT', tlp: 'RED', status: 'PUBLISHED', at: '2026-08-24T13:00:00Z',
    title: 'Insider-enabled access at a German interconnect',
    summary: 'Details of an insider who gave an actor access to a Frankfurt interconnect through an SAP NetWeaver server; for one named analyst.',
    countries: ['DE'], sectors: ['COMMUNICATIONS', 'INFORMATION_TECHNOLOGY'], cves: ['CVE-2025-31324'], individuals: ['de-cert-bund:analyst-2'], authors: ['cisa:analyst-2'],
    indicators: [file('tp-42/exfil', 'Exfiltration tool')],
    actions: ['Handle under the insider-risk procedure agreed with CERT-Bund.'],
    changes: ['Initial publication.', 'Restricted to one named analyst at CERT-Bund.'],
  },
  {
    id: 'tp-43', trackingId: 'AA26-320A', kind: 'ADVISORY', tlp: 'RED', status: 'DRAFT', at: '2026-11-16T15:00:00Z',
    title: 'Hsinchu foundry incident: victim details',
    summary: 'Draft with the victim details of the Hsinchu foundry incident; not yet shared.',
    countries: ['TW'], sectors: ['CRITICAL_MANUFACTURING'], cves: ['CVE-2024-3400'], individuals: ['cisa:analyst-1'],
    indicators: [ip('198.51.100.44', 'Actor VPN exit')],
    actions: [act.rotate],
    changes: ['Initial draft.'],
  },
  {
    id: 'tp-44', trackingId: 'RG26-280A', kind: 'RISK_REDUCTION_GUIDANCE', tlp: 'RED', status: 'PUBLISHED', at: '2026-10-07T14:00:00Z',
    title: 'Targeted mitigations for a Kanto fab under active reconnaissance',
    summary: 'Mitigations tailored to the network of a named Kanto fab under active reconnaissance; for the JPCERT/CC lead only.',
    countries: ['JP'], sectors: ['CRITICAL_MANUFACTURING'], cves: ['CVE-2024-20353', 'CVE-2025-20281'], individuals: ['jp-jpcert:lead', 'cisa:analyst-1'],
    indicators: [ip('203.0.113.88', 'Reconnaissance source')],
    actions: [act.patchKev, act.exposure, act.mfa],
    changes: ['Initial publication.', 'Added Cisco ISE after the fab inventory review.'],
  },
];
