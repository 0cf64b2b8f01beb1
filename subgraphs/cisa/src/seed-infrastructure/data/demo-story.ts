// The ids other agencies own that the demo set refers to (docs/demo-data.md is the contract).

/** DHS's sector codes. */
export const SECTOR_CODES = [
  'CHEMICAL',
  'COMMERCIAL_FACILITIES',
  'COMMUNICATIONS',
  'CRITICAL_MANUFACTURING',
  'DAMS',
  'DEFENSE_INDUSTRIAL_BASE',
  'EMERGENCY_SERVICES',
  'ENERGY',
  'FINANCIAL_SERVICES',
  'FOOD_AND_AGRICULTURE',
  'GOVERNMENT_SERVICES_AND_FACILITIES',
  'HEALTHCARE_AND_PUBLIC_HEALTH',
  'INFORMATION_TECHNOLOGY',
  'NUCLEAR_REACTORS_MATERIALS_AND_WASTE',
  'TRANSPORTATION_SYSTEMS',
  'WATER_AND_WASTEWATER_SYSTEMS',
] as const;
export type SectorCode = (typeof SECTOR_CODES)[number];

/** The demo countries, with the name used in rationale text (State owns the official names). */
export const DEMO_COUNTRIES: Record<string, string> = {
  NL: 'the Netherlands',
  DE: 'Germany',
  GB: 'the United Kingdom',
  FR: 'France',
  PL: 'Poland',
  EE: 'Estonia',
  UA: 'Ukraine',
  NO: 'Norway',
  JP: 'Japan',
  KR: 'South Korea',
  TW: 'Taiwan',
  SG: 'Singapore',
  AU: 'Australia',
  CA: 'Canada',
  EG: 'Egypt',
};

/** State's OPERATOR organizations by country: the only organizations that operate demo assets. */
export const DEMO_OPERATORS: Record<string, readonly string[]> = {
  NL: ['nl-maasvlakte-terminals', 'nl-noordzee-datacenters'],
  DE: ['de-rhein-netz', 'de-nordsee-kabel'],
  GB: ['gb-cornwall-landing'],
  FR: ['fr-marseille-hub'],
  PL: ['pl-baltic-gas'],
  EE: ['ee-estlink-grid'],
  UA: ['ua-grid-ops'],
  NO: ['no-nordsjo-gas'],
  JP: ['jp-kanto-semi'],
  KR: ['kr-busan-port'],
  TW: ['tw-hsinchu-foundry'],
  SG: ['sg-straits-dc'],
  AU: ['au-pilbara-lng'],
  CA: ['ca-lakes-power'],
  EG: ['eg-red-sea-landing'],
};
