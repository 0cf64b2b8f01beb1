import type { sectors } from '../../db/schema';

type SectorSeed = typeof sectors.$inferInsert;

// Real reference data: the 16 sectors (PPD-21, 2013, reaffirmed by NSM-22, 2024) and their Sector
// Risk Management Agencies. Codes are a contract with CISA (docs/demo-data.md); see README.md.
export const referenceSectors: SectorSeed[] = [
  { code: 'CHEMICAL', name: 'Chemical', riskManagementAgencies: ['DHS (CISA)'], description: 'Manufacturing, storage, use and transport of potentially dangerous chemicals on which other sectors rely.' },
  { code: 'COMMERCIAL_FACILITIES', name: 'Commercial Facilities', riskManagementAgencies: ['DHS (CISA)'], description: 'Sites where large numbers of people gather for shopping, business, entertainment or lodging.' },
  { code: 'COMMUNICATIONS', name: 'Communications', riskManagementAgencies: ['DHS (CISA)'], description: 'Wireline, wireless, satellite, cable and broadcast networks, including subsea cables and their landings.' },
  { code: 'CRITICAL_MANUFACTURING', name: 'Critical Manufacturing', riskManagementAgencies: ['DHS (CISA)'], description: 'Primary metals, machinery, electrical equipment and transportation equipment manufacturing.' },
  { code: 'DAMS', name: 'Dams', riskManagementAgencies: ['DHS (CISA)'], description: 'Dams, navigation locks, levees, hurricane barriers and other water retention and control structures.' },
  { code: 'DEFENSE_INDUSTRIAL_BASE', name: 'Defense Industrial Base', riskManagementAgencies: ['DoD'], description: 'The industrial complex that researches, develops, produces and maintains military weapons systems.' },
  { code: 'EMERGENCY_SERVICES', name: 'Emergency Services', riskManagementAgencies: ['DHS (CISA)'], description: 'Law enforcement, fire and rescue, emergency medical services, emergency management and public works.' },
  { code: 'ENERGY', name: 'Energy', riskManagementAgencies: ['DOE'], description: 'Electricity, oil and natural gas: production, refining, storage, transmission and distribution.' },
  { code: 'FINANCIAL_SERVICES', name: 'Financial Services', riskManagementAgencies: ['Treasury'], description: 'Depository institutions, investment products, insurance, and payment, clearing and settlement.' },
  { code: 'FOOD_AND_AGRICULTURE', name: 'Food and Agriculture', riskManagementAgencies: ['USDA', 'HHS'], description: 'Farms, restaurants, and food manufacturing, processing and storage facilities.' },
  { code: 'GOVERNMENT_SERVICES_AND_FACILITIES', name: 'Government Services and Facilities', riskManagementAgencies: ['DHS (FPS)', 'GSA'], description: 'Facilities and services of federal, state, local, tribal and territorial governments, election infrastructure included; "Government Facilities" before NSM-22.' },
  { code: 'HEALTHCARE_AND_PUBLIC_HEALTH', name: 'Healthcare and Public Health', riskManagementAgencies: ['HHS'], description: 'Hospitals, public health, medical products and the health information systems they depend on.' },
  { code: 'INFORMATION_TECHNOLOGY', name: 'Information Technology', riskManagementAgencies: ['DHS (CISA)'], description: 'Hardware, software, IT systems and services, and the internet functions other sectors rely on.' },
  { code: 'NUCLEAR_REACTORS_MATERIALS_AND_WASTE', name: 'Nuclear Reactors, Materials, and Waste', riskManagementAgencies: ['DHS (CISA)'], description: 'Nuclear power plants, research reactors, fuel cycle facilities, nuclear materials and radioactive waste.' },
  { code: 'TRANSPORTATION_SYSTEMS', name: 'Transportation Systems', riskManagementAgencies: ['DHS (TSA)', 'DOT'], description: 'Aviation, highways, maritime transport and ports, mass transit and rail, pipelines, postal and shipping.' },
  { code: 'WATER_AND_WASTEWATER_SYSTEMS', name: 'Water and Wastewater Systems', riskManagementAgencies: ['EPA'], description: 'Drinking water and wastewater treatment, storage and distribution systems.' },
];
