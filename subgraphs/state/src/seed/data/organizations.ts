import type { organizations } from '../../db/schema';

type Org = Omit<typeof organizations.$inferInsert, 'version' | 'createdAt' | 'updatedAt'>;

// Invented demo records. Ids are stable: the other agencies' seeds refer to them.
export const demoOrganizations: Org[] = [
  // Netherlands
  { id: 'nl-ncsc', name: 'National Cyber Security Centre', acronym: 'NCSC-NL', kind: 'NATIONAL_CSIRT', countryCode: 'NL', website: 'https://www.ncsc.nl', description: 'National CSIRT of the Netherlands; coordinates incident response for central government and vital operators.' },
  { id: 'nl-rdi', name: 'Dutch Authority for Digital Infrastructure', acronym: 'RDI', kind: 'REGULATOR', countryCode: 'NL', description: 'Supervises telecommunications and the security of digital infrastructure.' },
  { id: 'nl-maasvlakte-terminals', name: 'Maasvlakte Deepsea Terminals B.V.', acronym: null, kind: 'OPERATOR', countryCode: 'NL', description: 'Operates container terminals handling transatlantic cargo.' },
  { id: 'nl-noordzee-datacenters', name: 'Noordzee Datacenters N.V.', acronym: null, kind: 'OPERATOR', countryCode: 'NL', description: 'Colocation campus hosting internet exchange and cloud on-ramps.' },
  // Germany
  { id: 'de-cert-bund', name: 'CERT-Bund, Federal Office for Information Security', acronym: 'CERT-Bund', kind: 'NATIONAL_CSIRT', countryCode: 'DE', website: 'https://www.bsi.bund.de', description: 'National CSIRT of Germany within the BSI.' },
  { id: 'de-bnetza', name: 'Federal Network Agency', acronym: 'BNetzA', kind: 'REGULATOR', countryCode: 'DE', description: 'Regulator of electricity, gas, telecommunications and rail networks.' },
  { id: 'de-rhein-netz', name: 'Rhein-Main Netzbetrieb GmbH', acronym: null, kind: 'OPERATOR', countryCode: 'DE', description: 'Transmission system operator and data centre interconnect operator around Frankfurt.' },
  { id: 'de-nordsee-kabel', name: 'Nordsee Kabel GmbH', acronym: null, kind: 'OPERATOR', countryCode: 'DE', description: 'Operates subsea cable landing stations on the North Sea coast.' },
  // United Kingdom
  { id: 'gb-ncsc', name: 'National Cyber Security Centre', acronym: 'NCSC-UK', kind: 'NATIONAL_CSIRT', countryCode: 'GB', website: 'https://www.ncsc.gov.uk', description: 'National technical authority for cyber security of the United Kingdom.' },
  { id: 'gb-ofcom', name: 'Office of Communications', acronym: 'Ofcom', kind: 'REGULATOR', countryCode: 'GB', description: 'Communications regulator, including telecoms security duties.' },
  { id: 'gb-cornwall-landing', name: 'Cornwall Landing Services Ltd', acronym: null, kind: 'OPERATOR', countryCode: 'GB', description: 'Operates transatlantic cable landing stations in Cornwall.' },
  // France
  { id: 'fr-cert-fr', name: 'CERT-FR, National Cybersecurity Agency', acronym: 'CERT-FR', kind: 'NATIONAL_CSIRT', countryCode: 'FR', website: 'https://www.cert.ssi.gouv.fr', description: 'National CSIRT of France within ANSSI.' },
  { id: 'fr-marseille-hub', name: 'Marseille Digital Hub SAS', acronym: null, kind: 'OPERATOR', countryCode: 'FR', description: 'Cable landing and data centre campus linking Europe with Africa and Asia.' },
  // Poland
  { id: 'pl-cert-polska', name: 'CERT Polska', acronym: 'CERT.PL', kind: 'NATIONAL_CSIRT', countryCode: 'PL', description: 'National CSIRT of Poland.' },
  { id: 'pl-baltic-gas', name: 'Baltic Gas Corridor S.A.', acronym: null, kind: 'OPERATOR', countryCode: 'PL', description: 'Operates the offshore gas pipeline and compressor stations between Norway and Poland.' },
  // Estonia
  { id: 'ee-cert-ee', name: 'CERT-EE, Information System Authority', acronym: 'CERT-EE', kind: 'NATIONAL_CSIRT', countryCode: 'EE', description: 'National CSIRT of Estonia within RIA.' },
  { id: 'ee-ria', name: 'Information System Authority', acronym: 'RIA', kind: 'GOVERNMENT_BODY', countryCode: 'EE', description: 'Runs the state information systems and the X-Road data exchange.' },
  { id: 'ee-estlink-grid', name: 'Estlink Grid AS', acronym: null, kind: 'OPERATOR', countryCode: 'EE', description: 'Operates the HVDC power interconnectors to Finland.' },
  // Ukraine
  { id: 'ua-cert-ua', name: 'Computer Emergency Response Team of Ukraine', acronym: 'CERT-UA', kind: 'NATIONAL_CSIRT', countryCode: 'UA', description: 'National CSIRT of Ukraine.' },
  { id: 'ua-grid-ops', name: 'Dnipro Grid Operations', acronym: null, kind: 'OPERATOR', countryCode: 'UA', description: 'Regional electricity transmission and dispatch operator.' },
  // Norway
  { id: 'no-ncsc', name: 'Norwegian National Cyber Security Centre', acronym: 'NCSC-NO', kind: 'NATIONAL_CSIRT', countryCode: 'NO', description: 'National CSIRT of Norway within the National Security Authority.' },
  { id: 'no-nordsjo-gas', name: 'Nordsjø Gassco Drift AS', acronym: null, kind: 'OPERATOR', countryCode: 'NO', description: 'Operates gas processing plants and export pipelines to the continent.' },
  // Japan
  { id: 'jp-jpcert', name: 'Japan Computer Emergency Response Team Coordination Center', acronym: 'JPCERT/CC', kind: 'NATIONAL_CSIRT', countryCode: 'JP', description: 'Coordination centre for incident response in Japan.' },
  { id: 'jp-nisc', name: 'National center of Incident readiness and Strategy for Cybersecurity', acronym: 'NISC', kind: 'GOVERNMENT_BODY', countryCode: 'JP', description: 'Sets cybersecurity policy across the Japanese government.' },
  { id: 'jp-kanto-semi', name: 'Kanto Semiconductor Manufacturing K.K.', acronym: null, kind: 'OPERATOR', countryCode: 'JP', description: 'Memory and logic wafer fabrication plants.' },
  // South Korea
  { id: 'kr-krcert', name: 'Korea Internet Security Center', acronym: 'KrCERT/CC', kind: 'NATIONAL_CSIRT', countryCode: 'KR', description: 'National CSIRT of the Republic of Korea.' },
  { id: 'kr-busan-port', name: 'Busan New Port Terminal Co.', acronym: null, kind: 'OPERATOR', countryCode: 'KR', description: 'Container terminal operator in Busan.' },
  // Taiwan
  { id: 'tw-twcert', name: 'Taiwan Computer Emergency Response Team', acronym: 'TWCERT/CC', kind: 'NATIONAL_CSIRT', countryCode: 'TW', description: 'National CSIRT of Taiwan.' },
  { id: 'tw-hsinchu-foundry', name: 'Hsinchu Advanced Foundry Corp.', acronym: null, kind: 'OPERATOR', countryCode: 'TW', description: 'Leading-edge logic foundry supplying US chip designers.' },
  // Singapore
  { id: 'sg-csa', name: 'Cyber Security Agency of Singapore', acronym: 'CSA', kind: 'GOVERNMENT_BODY', countryCode: 'SG', description: 'National agency for cybersecurity, hosting SingCERT.' },
  { id: 'sg-singcert', name: 'Singapore Computer Emergency Response Team', acronym: 'SingCERT', kind: 'NATIONAL_CSIRT', countryCode: 'SG', description: 'National CSIRT of Singapore.' },
  { id: 'sg-straits-dc', name: 'Straits Data Centres Pte Ltd', acronym: null, kind: 'OPERATOR', countryCode: 'SG', description: 'Data centres and cable landing for trans-Pacific systems.' },
  // Australia
  { id: 'au-acsc', name: 'Australian Cyber Security Centre', acronym: 'ACSC', kind: 'NATIONAL_CSIRT', countryCode: 'AU', description: 'National CSIRT of Australia within the Australian Signals Directorate.' },
  { id: 'au-pilbara-lng', name: 'Pilbara LNG Operations Pty Ltd', acronym: null, kind: 'OPERATOR', countryCode: 'AU', description: 'Liquefied natural gas export terminal.' },
  // Canada
  { id: 'ca-cccs', name: 'Canadian Centre for Cyber Security', acronym: 'CCCS', kind: 'NATIONAL_CSIRT', countryCode: 'CA', description: 'National CSIRT of Canada.' },
  { id: 'ca-lakes-power', name: 'Great Lakes Interconnect Power Corp.', acronym: null, kind: 'OPERATOR', countryCode: 'CA', description: 'Operates cross-border transmission lines into the US grid.' },
  // Egypt
  { id: 'eg-egcert', name: 'Egyptian Computer Emergency Readiness Team', acronym: 'EG-CERT', kind: 'NATIONAL_CSIRT', countryCode: 'EG', description: 'National CSIRT of Egypt.' },
  { id: 'eg-red-sea-landing', name: 'Red Sea Cable Landing Company', acronym: null, kind: 'OPERATOR', countryCode: 'EG', description: 'Operates landing stations and terrestrial crossings for Europe-Asia cables.' },
  // Multilateral bodies (no country)
  { id: 'mb-enisa', name: 'European Union Agency for Cybersecurity', acronym: 'ENISA', kind: 'MULTILATERAL_BODY', countryCode: null, description: 'EU agency supporting member states and the CSIRTs Network.' },
  { id: 'mb-nato-ncia', name: 'NATO Communications and Information Agency', acronym: 'NCIA', kind: 'MULTILATERAL_BODY', countryCode: null, description: 'Runs NATO cyber defence and communications.' },
  { id: 'mb-oas-cicte', name: 'Inter-American Committee against Terrorism, Cybersecurity Program', acronym: 'OAS/CICTE', kind: 'MULTILATERAL_BODY', countryCode: null, description: 'Builds cyber capacity among OAS member states.' },
  { id: 'mb-apcert', name: 'Asia Pacific Computer Emergency Response Team', acronym: 'APCERT', kind: 'MULTILATERAL_BODY', countryCode: null, description: 'Forum of CSIRTs across the Asia-Pacific region.' },
];
