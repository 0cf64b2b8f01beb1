// How the US typically depends on each kind of asset: the compact table the demo dependencies are
// generated from (see ../demo.ts). Invented but plausible; functions are National Critical
// Function codes. Profiles are in decreasing order of importance: an asset gets the first few.
import type { AssetKind } from '../../asset/asset.type';
import type { Coupling, DependencyKind, Substitutability } from '../../dependency/dependency.type';
import type { SectorCode } from './demo-story';

/** What a rationale may mention about the asset. */
export interface RationaleSubject {
  name: string;
  country: string;
  technology: string;
}

export interface DependencyProfile {
  sector: SectorCode;
  function: string | null;
  kind: `${DependencyKind}`;
  coupling: `${Coupling}`;
  substitutability: `${Substitutability}`;
  /** Added to the asset's criticality, then kept within 1-5. */
  delta: number;
  why: (a: RationaleSubject) => string;
}

type P = DependencyProfile;
const p = (
  sector: SectorCode,
  fn: string | null,
  kind: P['kind'],
  coupling: P['coupling'],
  substitutability: P['substitutability'],
  delta: number,
  why: P['why'],
): P => ({ sector, function: fn, kind, coupling, substitutability, delta, why });

export const dependencyProfiles: Record<`${AssetKind}`, P[]> = {
  CABLE_LANDING: [
    p('COMMUNICATIONS', 'OPERATE_CORE_NETWORK', 'PHYSICAL', 'TIGHT', 'LOW', 0, (a) => `US carrier traffic on the systems landing at ${a.name} has few alternative routes; a cut shifts it onto already loaded cables.`),
    p('FINANCIAL_SERVICES', 'PROVIDE_PAYMENT_CLEARING_AND_SETTLEMENT_SERVICES', 'CYBER', 'TIGHT', 'MEDIUM', 0, (a) => `Settlement and market-data links between US and ${a.country} institutions ride the systems landing at ${a.name}.`),
    p('GOVERNMENT_SERVICES_AND_FACILITIES', 'OPERATE_GOVERNMENT', 'LOGICAL', 'LOOSE', 'MEDIUM', -1, (a) => `US diplomatic and defence circuits in the region lease capacity on systems landing at ${a.name}.`),
    p('INFORMATION_TECHNOLOGY', 'PROVIDE_INTERNET_BASED_CONTENT_INFORMATION_AND_COMMUNICATION_SERVICES', 'GEOGRAPHIC', 'LOOSE', 'HIGH', -2, (a) => `US cloud regions replicate through ${a.name}; a regional event would slow replication, not stop it.`),
  ],
  PORT: [
    p('TRANSPORTATION_SYSTEMS', 'TRANSPORT_CARGO_AND_PASSENGERS_BY_VESSEL', 'PHYSICAL', 'TIGHT', 'LOW', 0, (a) => `A large share of US container trade with ${a.country} is handled at ${a.name}; other terminals lack the deep-water berths.`),
    p('CRITICAL_MANUFACTURING', 'MAINTAIN_SUPPLY_CHAINS', 'LOGICAL', 'TIGHT', 'MEDIUM', 0, (a) => `US manufacturers source just-in-time components through ${a.name}; a week's closure stops assembly lines.`),
    p('FOOD_AND_AGRICULTURE', 'PRODUCE_AND_PROVIDE_HUMAN_AND_ANIMAL_FOOD_PRODUCTS_AND_SERVICES', 'PHYSICAL', 'LOOSE', 'MEDIUM', -1, (a) => `US agricultural exports and fertiliser imports pass through ${a.name}.`),
    p('CHEMICAL', 'MANAGE_HAZARDOUS_MATERIALS', 'CYBER', 'LOOSE', 'HIGH', -2, (a) => `The terminal operating system at ${a.name} (${a.technology}) schedules hazardous cargo bound for US plants.`),
  ],
  POWER_INTERCONNECT: [
    p('ENERGY', 'TRANSMIT_ELECTRICITY', 'PHYSICAL', 'TIGHT', 'LOW', 0, (a) => `${a.name} carries firm power that the interconnected grid, US facilities included, counts on at peak.`),
    p('ENERGY', 'DISTRIBUTE_ELECTRICITY', 'CYBER', 'TIGHT', 'LOW', 0, (a) => `The converter controls at ${a.name} run on ${a.technology} and are operated remotely; tripping the link could cascade.`),
    p('DEFENSE_INDUSTRIAL_BASE', 'PROVIDE_MATERIEL_AND_OPERATIONAL_SUPPORT_TO_DEFENSE', 'GEOGRAPHIC', 'LOOSE', 'MEDIUM', -1, (a) => `Allied and US defence sites in ${a.country} are on the grid section that ${a.name} stabilises.`),
    p('HEALTHCARE_AND_PUBLIC_HEALTH', 'PROVIDE_MEDICAL_CARE', 'PHYSICAL', 'LOOSE', 'HIGH', -2, (a) => `Hospitals serving US personnel depend on the grid section that ${a.name} feeds.`),
  ],
  PIPELINE: [
    p('ENERGY', 'TRANSPORT_MATERIALS_BY_PIPELINE', 'PHYSICAL', 'TIGHT', 'LOW', 0, (a) => `Gas through ${a.name} keeps allied supply from falling back on US LNG cargoes at short notice.`),
    p('ENERGY', 'STORE_FUEL_AND_MAINTAIN_RESERVES', 'LOGICAL', 'LOOSE', 'MEDIUM', -1, (a) => `Flows through ${a.name} set how fast European storage refills, which moves US gas export prices.`),
    p('CHEMICAL', 'PRODUCE_CHEMICALS', 'PHYSICAL', 'LOOSE', 'MEDIUM', -1, (a) => `Feedstock gas via ${a.name} supplies plants making chemicals imported by US manufacturers.`),
    p('INFORMATION_TECHNOLOGY', 'PERFORM_CYBER_INCIDENT_MANAGEMENT_CAPABILITIES', 'CYBER', 'LOOSE', 'HIGH', -2, (a) => `${a.name} runs ${a.technology}; US responders would be asked to support the response to any intrusion.`),
  ],
  SEMICONDUCTOR_FAB: [
    p('INFORMATION_TECHNOLOGY', 'PROVIDE_INFORMATION_TECHNOLOGY_PRODUCTS_AND_SERVICES', 'PHYSICAL', 'TIGHT', 'NONE', 0, (a) => `${a.name} makes chips for US designers that no fab in the US can produce at volume.`),
    p('DEFENSE_INDUSTRIAL_BASE', 'PROVIDE_MATERIEL_AND_OPERATIONAL_SUPPORT_TO_DEFENSE', 'PHYSICAL', 'TIGHT', 'LOW', 0, (a) => `Qualified parts for US defence systems come from ${a.name}; requalifying another source takes years.`),
    p('CRITICAL_MANUFACTURING', 'MANUFACTURE_EQUIPMENT', 'LOGICAL', 'TIGHT', 'LOW', -1, (a) => `US vehicle and equipment makers hold only weeks of stock of controllers made at ${a.name}.`),
    p('HEALTHCARE_AND_PUBLIC_HEALTH', 'SUPPORT_COMMUNITY_HEALTH', 'LOGICAL', 'LOOSE', 'MEDIUM', -2, (a) => `Imaging and monitoring devices in US hospitals use chips from ${a.name}.`),
  ],
  DATA_CENTER: [
    p('INFORMATION_TECHNOLOGY', 'PROVIDE_INTERNET_BASED_CONTENT_INFORMATION_AND_COMMUNICATION_SERVICES', 'CYBER', 'TIGHT', 'MEDIUM', 0, (a) => `US cloud providers run their ${a.country} region at ${a.name}; failing over degrades latency-bound services.`),
    p('FINANCIAL_SERVICES', 'PROVIDE_CONSUMER_AND_COMMERCIAL_BANKING_SERVICES', 'CYBER', 'TIGHT', 'LOW', 0, (a) => `US banks host their regional payment switches at ${a.name}.`),
    p('COMMERCIAL_FACILITIES', null, 'LOGICAL', 'LOOSE', 'HIGH', -1, (a) => `US retail and hospitality chains run regional booking and point-of-sale back ends at ${a.name}.`),
    p('GOVERNMENT_SERVICES_AND_FACILITIES', 'PROTECT_SENSITIVE_INFORMATION', 'CYBER', 'LOOSE', 'MEDIUM', -2, (a) => `Contractors of US agencies keep regional systems at ${a.name}, reached through ${a.technology}.`),
  ],
  GROUND_STATION: [
    p('COMMUNICATIONS', 'PROVIDE_SATELLITE_ACCESS_NETWORK_SERVICES', 'PHYSICAL', 'TIGHT', 'LOW', 0, (a) => `${a.name} is a gateway of satellite networks that US maritime and aviation users rely on.`),
    p('TRANSPORTATION_SYSTEMS', 'PROVIDE_POSITIONING_NAVIGATION_AND_TIMING_SERVICES', 'CYBER', 'TIGHT', 'LOW', -1, (a) => `Augmentation and timing signals uplinked from ${a.name} are used by US airlines in the region.`),
    p('EMERGENCY_SERVICES', 'PREPARE_FOR_AND_MANAGE_EMERGENCIES', 'LOGICAL', 'LOOSE', 'MEDIUM', -1, (a) => `Search-and-rescue beacon relays for US vessels pass through ${a.name}.`),
    p('DEFENSE_INDUSTRIAL_BASE', null, 'GEOGRAPHIC', 'LOOSE', 'HIGH', -2, (a) => `Contractor telemetry for US programmes is downlinked near ${a.name}.`),
  ],
  INTERNET_EXCHANGE: [
    p('COMMUNICATIONS', 'PROVIDE_INTERNET_ROUTING_ACCESS_AND_CONNECTION_SERVICES', 'LOGICAL', 'TIGHT', 'MEDIUM', 0, (a) => `US networks peer with networks of ${a.country} at ${a.name}; losing it pushes traffic onto longer transit paths.`),
    p('INFORMATION_TECHNOLOGY', 'PROVIDE_IDENTITY_MANAGEMENT_AND_ASSOCIATED_TRUST_SUPPORT_SERVICES', 'CYBER', 'TIGHT', 'MEDIUM', 0, (a) => `DNS and certificate services used by US companies are anycast from ${a.name}; a route hijack there reaches them.`),
    p('FINANCIAL_SERVICES', 'PROVIDE_CAPITAL_MARKETS_AND_INVESTMENT_ACTIVITIES', 'CYBER', 'LOOSE', 'MEDIUM', -1, (a) => `Trading firms serving US investors reach venues in ${a.country} through ${a.name}.`),
    p('EMERGENCY_SERVICES', 'PROVIDE_PUBLIC_SAFETY', 'LOGICAL', 'LOOSE', 'HIGH', -2, (a) => `Consular alerts to US citizens in ${a.country} reach local networks through ${a.name}.`),
  ],
  LNG_TERMINAL: [
    p('ENERGY', 'STORE_FUEL_AND_MAINTAIN_RESERVES', 'LOGICAL', 'TIGHT', 'LOW', 0, (a) => `${a.name} is a contracted outlet or supplier in the allied LNG market that US exporters balance against.`),
    p('ENERGY', 'FUEL_REFINING_AND_PROCESSING_FUELS', 'PHYSICAL', 'TIGHT', 'MEDIUM', 0, (a) => `${a.name} has no spare train; allied energy security, and the call on US cargoes, hinge on it.`),
    p('CHEMICAL', 'MANAGE_HAZARDOUS_MATERIALS', 'GEOGRAPHIC', 'LOOSE', 'MEDIUM', -1, (a) => `A release at ${a.name} would close the approaches used by US-flagged carriers.`),
    p('TRANSPORTATION_SYSTEMS', 'TRANSPORT_CARGO_AND_PASSENGERS_BY_VESSEL', 'CYBER', 'LOOSE', 'HIGH', -2, (a) => `Berth scheduling at ${a.name} runs on ${a.technology}; an intrusion would delay US carriers.`),
  ],
  POWER_PLANT: [
    p('ENERGY', 'GENERATE_ELECTRICITY', 'PHYSICAL', 'TIGHT', 'MEDIUM', 0, (a) => `${a.name} is firm generation on a grid that US facilities or US-bound exports draw on.`),
    p('WATER_AND_WASTEWATER_SYSTEMS', 'SUPPLY_WATER', 'PHYSICAL', 'LOOSE', 'MEDIUM', -1, (a) => `Water pumping and treatment for the area around ${a.name} depend on its output.`),
    p('DAMS', null, 'GEOGRAPHIC', 'LOOSE', 'HIGH', -1, (a) => `Reservoir works shared with ${a.name} sit upstream of cross-border infrastructure.`),
    p('NUCLEAR_REACTORS_MATERIALS_AND_WASTE', null, 'LOGICAL', 'LOOSE', 'HIGH', -2, (a) => `Balancing by ${a.name} lets reactors supplying US utilities run at full output.`),
  ],
  SUBSTATION: [
    p('ENERGY', 'TRANSMIT_ELECTRICITY', 'CYBER', 'TIGHT', 'LOW', 0, (a) => `Protection relays at ${a.name} are reachable through ${a.technology}; a coordinated trip would black out the area.`),
    p('WATER_AND_WASTEWATER_SYSTEMS', 'SUPPLY_WATER', 'PHYSICAL', 'TIGHT', 'MEDIUM', -1, (a) => `Water pumping for US facilities nearby is fed from ${a.name}.`),
    p('HEALTHCARE_AND_PUBLIC_HEALTH', 'PROVIDE_MEDICAL_CARE', 'PHYSICAL', 'LOOSE', 'MEDIUM', -1, (a) => `Hospitals treating US personnel are on feeders from ${a.name}, with a day of backup fuel.`),
    p('WATER_AND_WASTEWATER_SYSTEMS', 'MANAGE_WASTEWATER', 'PHYSICAL', 'LOOSE', 'HIGH', -2, (a) => `Wastewater plants serving US facilities nearby are fed from ${a.name}.`),
  ],
};
