// Invented, plausible demo assets in Asia-Pacific, North America and Egypt. Place names are real;
// the assets, their operators' records and their technology inventories are fiction. Operators are
// State's OPERATOR organizations of the same country (docs/demo-data.md), or null.
import type { AssetsByCountry } from './asset-spec';

export const assetsBeyondEurope: AssetsByCountry = {
  JP: [
    ['kitakami-fab', 'Kitakami Memory Fab', 'SEMICONDUCTOR_FAB', 'jp-kanto-semi', 39.29, 141.11, 5, ['Siemens SIMATIC', 'VMware ESXi', 'SAP NetWeaver'], 'NAND flash fab supplying US data centre and device makers.'],
    ['tsukuba-fab', 'Tsukuba Advanced Logic Fab', 'SEMICONDUCTOR_FAB', 'jp-kanto-semi', 36.08, 140.11, 4, ['Cisco IOS XE', 'Oracle WebLogic Server'], 'Logic and power semiconductor line for automotive and industrial customers.'],
    ['yokkaichi-fab', 'Yokkaichi Flash Fab 7', 'SEMICONDUCTOR_FAB', 'jp-kanto-semi', 34.93, 136.58, 4, ['Fortinet FortiOS', 'VMware vCenter Server'], 'Memory fab sharing a campus with two older lines.'],
    ['chikura-landing', 'Chikura Cable Landing Station', 'CABLE_LANDING', null, 34.95, 139.95, 4, ['Cisco IOS XR', 'Juniper Junos OS'], 'Landing of trans-Pacific systems from the US west coast.'],
  ],
  KR: [
    ['busan-new-port', 'Busan New Port Container Terminal 2', 'PORT', 'kr-busan-port', 35.07, 128.81, 5, ['SAP NetWeaver', 'Cisco IOS XE'], 'Transhipment hub for trans-Pacific container services.'],
    ['busan-gamman', 'Gamman Container Terminal', 'PORT', 'kr-busan-port', 35.11, 129.08, 3, ['Fortinet FortiOS', 'Oracle WebLogic Server'], 'Older terminal in the North Port handling feeder services.'],
    ['busan-port-datacentre', 'Busan Port Community Data Centre', 'DATA_CENTER', 'kr-busan-port', 35.1, 129.04, 3, ['VMware ESXi', 'Citrix NetScaler ADC'], 'Hosts the port community system and customs interfaces.'],
    ['songjeong-landing', 'Songjeong Cable Landing Station', 'CABLE_LANDING', null, 35.18, 129.2, 4, ['Cisco IOS XR'], 'Landing of intra-Asian and trans-Pacific systems.'],
  ],
  TW: [
    ['hsinchu-fab-a', 'Hsinchu Advanced Logic Fab A', 'SEMICONDUCTOR_FAB', 'tw-hsinchu-foundry', 24.77, 121.01, 5, ['Siemens SIMATIC', 'VMware vCenter Server', 'F5 BIG-IP'], 'Leading-edge logic fab producing processors for US designers.'],
    ['tainan-fab-b', 'Tainan Advanced Logic Fab B', 'SEMICONDUCTOR_FAB', 'tw-hsinchu-foundry', 23.11, 120.27, 5, ['Siemens SIMATIC', 'Palo Alto Networks PAN-OS'], 'Newest process node fab in the southern science park.'],
    ['taichung-fab-c', 'Taichung Mature Node Fab C', 'SEMICONDUCTOR_FAB', 'tw-hsinchu-foundry', 24.21, 120.62, 4, ['Cisco IOS XE', 'VMware ESXi'], 'Mature-node fab for microcontrollers and power management chips.'],
    ['toucheng-landing', 'Toucheng Cable Landing Station', 'CABLE_LANDING', null, 24.86, 121.82, 4, ['Cisco IOS XR', 'Fortinet FortiOS'], 'Landing of trans-Pacific systems on the north-east coast.'],
  ],
  SG: [
    ['jurong-datacentre', 'Jurong West Data Centre', 'DATA_CENTER', 'sg-straits-dc', 1.34, 103.7, 4, ['VMware vCenter Server', 'Palo Alto Networks PAN-OS'], 'Cloud region data centre for South-East Asia.'],
    ['loyang-campus', 'Loyang Cloud Campus', 'DATA_CENTER', 'sg-straits-dc', 1.37, 103.97, 4, ['VMware ESXi', 'Citrix NetScaler ADC'], 'Campus beside the eastern cable landings.'],
    ['changi-landing', 'Changi North Cable Landing Station', 'CABLE_LANDING', 'sg-straits-dc', 1.39, 103.98, 5, ['Cisco IOS XR', 'Fortinet FortiOS'], 'Landing of Europe-Asia systems through the Red Sea and trans-Pacific systems.'],
    ['tuas-landing', 'Tuas Cable Landing Station', 'CABLE_LANDING', 'sg-straits-dc', 1.32, 103.63, 4, ['Juniper Junos OS', 'Ivanti Connect Secure'], 'Western landing of intra-Asian systems.'],
  ],
  AU: [
    ['pilbara-lng', 'Pilbara LNG Export Terminal', 'LNG_TERMINAL', 'au-pilbara-lng', -20.6, 116.78, 5, ['Siemens SIMATIC', 'Fortinet FortiOS'], 'Liquefaction trains shipping to Japan and Korea.'],
    ['pilbara-feed-pipeline', 'Pilbara Offshore Feed Gas Pipeline', 'PIPELINE', 'au-pilbara-lng', -20.5, 116.6, 4, ['Siemens SIMATIC'], 'Trunkline bringing feed gas from the offshore fields.'],
    ['karratha-power', 'Karratha Gas-Fired Power Station', 'POWER_PLANT', 'au-pilbara-lng', -20.74, 116.85, 3, ['Siemens SIMATIC', 'Cisco IOS XE'], 'Powers the liquefaction trains and the town.'],
    ['sydney-landing', 'Sydney Northern Beaches Cable Landing', 'CABLE_LANDING', null, -33.75, 151.29, 4, ['Cisco IOS XR'], 'Landing of trans-Pacific systems from Hawaii and California.'],
  ],
  CA: [
    ['niagara-interconnect', 'Niagara Cross-Border Interconnect', 'POWER_INTERCONNECT', 'ca-lakes-power', 43.1, -79.05, 5, ['Siemens SIMATIC', 'Cisco IOS XE'], 'Tie lines into the New York grid.'],
    ['lambton-interconnect', 'Lambton St. Clair Interconnect', 'POWER_INTERCONNECT', 'ca-lakes-power', 42.79, -82.47, 4, ['Siemens SIMATIC', 'Fortinet FortiOS'], 'Tie lines into the Michigan grid.'],
    ['lake-erie-converter', 'Lake Erie HVDC Link Converter', 'POWER_INTERCONNECT', 'ca-lakes-power', 42.05, -81.2, 3, ['Siemens SIMATIC'], 'Converter station of the subsea link to Pennsylvania.'],
    ['niagara-hydro', 'Niagara Escarpment Hydro Station', 'POWER_PLANT', 'ca-lakes-power', 43.15, -79.04, 5, ['Siemens SIMATIC', 'Ivanti Connect Secure'], 'Hydroelectric station exporting into the US at peak.'],
  ],
  EG: [
    ['zafarana-landing', 'Zafarana Cable Landing Station', 'CABLE_LANDING', 'eg-red-sea-landing', 29.11, 32.65, 5, ['Cisco IOS XR', 'Fortinet FortiOS'], 'Red Sea landing shared by most Europe-Asia systems.'],
    ['ras-ghareb-landing', 'Ras Ghareb Cable Landing Station', 'CABLE_LANDING', 'eg-red-sea-landing', 28.36, 33.08, 4, ['Cisco IOS XE'], 'Second Red Sea landing, the usual diversity route.'],
    ['suez-crossing', 'Suez Terrestrial Crossing', 'CABLE_LANDING', 'eg-red-sea-landing', 29.97, 32.55, 5, ['Juniper Junos OS', 'Cisco IOS XR'], 'Terrestrial route joining the Red Sea and Mediterranean landings.'],
    ['port-said-landing', 'Port Said Mediterranean Landing', 'CABLE_LANDING', 'eg-red-sea-landing', 31.26, 32.3, 4, ['Cisco IOS XR'], 'Mediterranean end of the crossing.'],
  ],
};
