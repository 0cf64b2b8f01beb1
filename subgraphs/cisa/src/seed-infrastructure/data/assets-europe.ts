// Invented, plausible demo assets in Europe. Place names are real; the assets, their operators'
// records and their technology inventories are fiction. Operators are State's OPERATOR
// organizations of the same country (docs/demo-data.md); null where none of them runs the asset.
import type { AssetsByCountry } from './asset-spec';

export const assetsInEurope: AssetsByCountry = {
  NL: [
    ['rotterdam-maasvlakte', 'Maasvlakte II Deepsea Container Terminal', 'PORT', 'nl-maasvlakte-terminals', 51.956, 4.012, 5, ['Cisco IOS XE', 'VMware ESXi', 'SAP NetWeaver'], 'Automated deep-water container terminal at the mouth of the Port of Rotterdam.'],
    ['rotterdam-amazonehaven', 'Amazonehaven Transatlantic Terminal', 'PORT', 'nl-maasvlakte-terminals', 51.963, 4.045, 4, ['Fortinet FortiOS', 'Oracle WebLogic Server'], 'Container terminal serving the North Atlantic liner services.'],
    ['rotterdam-botlek', 'Botlek Tank Storage Jetty', 'PORT', 'nl-maasvlakte-terminals', 51.877, 4.295, 3, ['Siemens SIMATIC', 'Fortinet FortiOS'], 'Liquid bulk jetty for chemicals and refined products.'],
    ['maasvlakte-lng', 'Maasvlakte LNG Import Terminal', 'LNG_TERMINAL', 'nl-maasvlakte-terminals', 51.969, 4.031, 4, ['Siemens SIMATIC', 'Palo Alto Networks PAN-OS'], 'Regasification terminal receiving US LNG cargoes.'],
    ['amsterdam-science-park', 'Amsterdam Science Park Exchange', 'INTERNET_EXCHANGE', 'nl-noordzee-datacenters', 52.356, 4.955, 5, ['Juniper Junos OS', 'Cisco IOS XR'], 'Peering fabric where US and European networks exchange traffic.'],
    ['eemshaven-campus', 'Eemshaven Hyperscale Campus', 'DATA_CENTER', 'nl-noordzee-datacenters', 53.438, 6.834, 4, ['VMware vCenter Server', 'Palo Alto Networks PAN-OS', 'F5 BIG-IP'], 'Cloud campus near the North Sea cable landings.'],
    ['schiphol-rijk', 'Schiphol-Rijk Colocation Hall', 'DATA_CENTER', 'nl-noordzee-datacenters', 52.285, 4.766, 3, ['Citrix NetScaler ADC', 'VMware ESXi'], 'Colocation hall hosting cloud on-ramps and financial back offices.'],
    ['katwijk-landing', 'Katwijk Cable Landing Station', 'CABLE_LANDING', 'nl-noordzee-datacenters', 52.203, 4.398, 4, ['Cisco IOS XR', 'Ivanti Connect Secure'], 'Landing of North Sea and transatlantic systems.'],
    ['burgum-ground', 'Burgum Satellite Ground Station', 'GROUND_STATION', null, 53.196, 5.994, 2, ['Cisco IOS XE'], 'Teleport with gateways for maritime satellite services.'],
  ],
  DE: [
    ['frankfurt-kleyer', 'Frankfurt Kleyerstrasse Exchange', 'INTERNET_EXCHANGE', 'de-rhein-netz', 50.103, 8.642, 5, ['Juniper Junos OS', 'Cisco NX-OS'], 'One of the largest peering points in Europe.'],
    ['frankfurt-ostend', 'Frankfurt Ostend Interconnect Data Centre', 'DATA_CENTER', 'de-rhein-netz', 50.114, 8.72, 4, ['VMware ESXi', 'F5 BIG-IP'], 'Carrier-neutral data centre interconnecting the Frankfurt campuses.'],
    ['rhein-main-substation', 'Rhein-Main 380 kV Substation', 'SUBSTATION', 'de-rhein-netz', 50.05, 8.57, 3, ['Siemens SIMATIC', 'Cisco IOS XE'], 'Feeds the Frankfurt data centre cluster.'],
    ['wilster-converter', 'Wilster HVDC Converter Station', 'POWER_INTERCONNECT', 'de-rhein-netz', 53.92, 9.37, 3, ['Siemens SIMATIC', 'Palo Alto Networks PAN-OS'], 'Converter station of the link to the Norwegian grid.'],
    ['norden-landing', 'Norden North Sea Cable Landing', 'CABLE_LANDING', 'de-nordsee-kabel', 53.61, 7.19, 4, ['Cisco IOS XR', 'Fortinet FortiOS'], 'Landing of North Sea systems continuing to the Atlantic.'],
    ['sylt-landing', 'Sylt Cable Landing Station', 'CABLE_LANDING', 'de-nordsee-kabel', 54.91, 8.31, 3, ['Cisco IOS XE'], 'Landing of systems to Denmark and the United Kingdom.'],
  ],
  GB: [
    ['bude-landing', 'Bude Cable Landing Station', 'CABLE_LANDING', 'gb-cornwall-landing', 50.829, -4.548, 5, ['Cisco IOS XR', 'Ivanti Connect Secure'], 'Landing of several transatlantic systems from the US east coast.'],
    ['widemouth-landing', 'Widemouth Bay Cable Landing', 'CABLE_LANDING', 'gb-cornwall-landing', 50.79, -4.555, 4, ['Juniper Junos OS'], 'Landing of transatlantic and Iberian systems.'],
    ['porthcurno-landing', 'Porthcurno Cable Landing', 'CABLE_LANDING', 'gb-cornwall-landing', 50.043, -5.654, 3, ['Cisco IOS XE', 'Fortinet FortiOS'], 'Historic landing site, now carrying Atlantic and Mediterranean systems.'],
    ['goonhilly-teleport', 'Goonhilly Downs Teleport', 'GROUND_STATION', 'gb-cornwall-landing', 50.048, -5.182, 3, ['Cisco IOS XE', 'VMware ESXi'], 'Satellite earth station with deep-space and commercial antennas.'],
    ['docklands-exchange', 'London Docklands Exchange', 'INTERNET_EXCHANGE', null, 51.511, -0.003, 5, ['Juniper Junos OS', 'Cisco NX-OS'], 'Peering point for most networks serving the City of London.'],
  ],
  FR: [
    ['marseille-landing', 'Marseille Cable Landing Hub', 'CABLE_LANDING', 'fr-marseille-hub', 43.31, 5.365, 5, ['Cisco IOS XR', 'Fortinet FortiOS'], 'Landing of Europe-Asia and Europe-Africa systems via the Red Sea.'],
    ['marseille-datacentre', 'Marseille Digital Hub Data Centre', 'DATA_CENTER', 'fr-marseille-hub', 43.334, 5.352, 4, ['VMware ESXi', 'Palo Alto Networks PAN-OS'], 'Data centre beside the landing, hosting content caches and cloud on-ramps.'],
    ['marseille-exchange', 'Marseille Exchange', 'INTERNET_EXCHANGE', 'fr-marseille-hub', 43.305, 5.37, 3, ['Juniper Junos OS'], 'Peering fabric for networks arriving on the Mediterranean systems.'],
    ['saint-hilaire-landing', 'Saint-Hilaire-de-Riez Atlantic Landing', 'CABLE_LANDING', null, 46.72, -1.95, 4, ['Cisco IOS XE'], 'Landing of a transatlantic system from Virginia.'],
  ],
  PL: [
    ['niechorze-landfall', 'Niechorze Baltic Pipe Landfall', 'PIPELINE', 'pl-baltic-gas', 54.09, 15.07, 5, ['Siemens SIMATIC', 'Cisco IOS XE'], 'Landfall of the offshore pipeline from the Norwegian shelf.'],
    ['goleniow-compressor', 'Goleniów Compressor Station', 'PIPELINE', 'pl-baltic-gas', 53.56, 14.83, 4, ['Siemens SIMATIC', 'Fortinet FortiOS'], 'Compressor station feeding the national transmission grid.'],
    ['gustorzyn-compressor', 'Gustorzyn Compressor Station', 'PIPELINE', 'pl-baltic-gas', 52.72, 18.93, 3, ['Siemens SIMATIC'], 'Inland compressor station on the east-west corridor.'],
    ['swinoujscie-lng', 'Świnoujście LNG Terminal', 'LNG_TERMINAL', 'pl-baltic-gas', 53.91, 14.28, 4, ['Siemens SIMATIC', 'Palo Alto Networks PAN-OS'], 'Regasification terminal with long-term US supply contracts.'],
  ],
  EE: [
    ['harku-converter', 'Estlink 1 Harku Converter Station', 'POWER_INTERCONNECT', 'ee-estlink-grid', 59.384, 24.56, 4, ['Siemens SIMATIC', 'Cisco IOS XE'], 'Converter station of the first HVDC link to Finland.'],
    ['puessi-converter', 'Estlink 2 Püssi Converter Station', 'POWER_INTERCONNECT', 'ee-estlink-grid', 59.36, 27.05, 4, ['Siemens SIMATIC', 'Fortinet FortiOS'], 'Converter station of the second HVDC link to Finland.'],
    ['tallinn-substation', 'Tallinn Balti 330 kV Substation', 'SUBSTATION', 'ee-estlink-grid', 59.44, 24.72, 3, ['Siemens SIMATIC'], 'Main substation of the capital region.'],
    ['paldiski-landfall', 'Balticconnector Paldiski Landfall', 'PIPELINE', null, 59.35, 24.05, 3, ['Siemens SIMATIC'], 'Landfall of the gas pipeline to Finland.'],
  ],
  UA: [
    ['kyiv-substation', 'Kyiv Northern 750 kV Substation', 'SUBSTATION', 'ua-grid-ops', 50.55, 30.5, 5, ['Siemens SIMATIC', 'Cisco IOS XE'], 'Backbone substation of the capital region, repeatedly attacked.'],
    ['mukachevo-interconnect', 'Mukachevo ENTSO-E Interconnector', 'POWER_INTERCONNECT', 'ua-grid-ops', 48.44, 22.72, 4, ['Siemens SIMATIC', 'Fortinet FortiOS'], 'Cross-border link synchronising the grid with continental Europe.'],
    ['dnipro-dispatch', 'Dnipro Regional Dispatch Data Centre', 'DATA_CENTER', 'ua-grid-ops', 48.46, 35.04, 4, ['Microsoft Exchange Server', 'Ivanti Connect Secure'], 'Hosts the regional dispatch and outage management systems.'],
    ['odesa-grain', 'Odesa Grain Terminal', 'PORT', null, 46.5, 30.75, 3, ['SAP NetWeaver'], 'Grain export terminal on the Black Sea corridor.'],
  ],
  NO: [
    ['kollsnes-plant', 'Kollsnes Gas Processing Plant', 'PIPELINE', 'no-nordsjo-gas', 60.55, 4.84, 5, ['Siemens SIMATIC', 'Cisco IOS XE'], 'Processes gas from the northern North Sea fields for export.'],
    ['karsto-plant', 'Kårstø Gas Processing and Export Plant', 'PIPELINE', 'no-nordsjo-gas', 59.27, 5.52, 4, ['Siemens SIMATIC', 'Fortinet FortiOS'], 'Processing plant and export terminal for rich gas and condensate.'],
    ['draupner-riser', 'Draupner Riser Platform', 'PIPELINE', 'no-nordsjo-gas', 58.19, 2.47, 4, ['Siemens SIMATIC'], 'Offshore hub where export pipelines to the continent meet.'],
    ['nyhamna-terminal', 'Nyhamna Gas Export Terminal', 'PIPELINE', 'no-nordsjo-gas', 62.85, 6.95, 3, ['Palo Alto Networks PAN-OS', 'Siemens SIMATIC'], 'Export terminal feeding the pipeline to the United Kingdom.'],
  ],
};
