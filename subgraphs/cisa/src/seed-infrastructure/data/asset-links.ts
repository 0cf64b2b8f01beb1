// Demo assets that depend on other demo assets, for the cascading impact analysis (../../impact).
// Invented but plausible. Chosen so that the demo shows: one hub many lean on (the Suez crossing,
// 8 dependents), chains across countries (Norwegian gas to Polish compressors, Australian LNG to
// Japanese fabs, Egypt to Marseille and Singapore), a cycle (the Estonian grid: Balti substation ->
// Harku -> Püssi -> Balti), an asset reached both by a short loose path and a longer tight one (the
// Marseille exchange), and a retired link that the analysis must ignore.
import type { Coupling, DependencyKind, DependencyStatus } from '../../dependency/dependency.type';

/** One link: `dependent` is hit when `supplier` fails. Ids are `asset-<country>-<slug>`. */
export type AssetLinkSpec = [
  dependent: string,
  supplier: string,
  kind: `${DependencyKind}`,
  coupling: `${Coupling}`,
  rationale: string,
  status?: `${DependencyStatus}`,
];

/** The hub of the demo graph. */
export const HUB_ASSET = 'asset-eg-suez-crossing';

/** The demo links, in id order (`link-01`...): append new ones at the end to keep ids stable. */
export const demoAssetLinks: AssetLinkSpec[] = [
  // Everything that crosses Egypt between the Mediterranean and the Red Sea.
  ['asset-eg-port-said-landing', HUB_ASSET, 'PHYSICAL', 'TIGHT', 'Systems landing at Port Said reach the Red Sea only over the Suez terrestrial crossing.'],
  ['asset-eg-zafarana-landing', HUB_ASSET, 'PHYSICAL', 'TIGHT', 'Zafarana hands its Europe-bound traffic to the Suez crossing; no other terrestrial route is lit.'],
  ['asset-eg-ras-ghareb-landing', HUB_ASSET, 'PHYSICAL', 'TIGHT', 'Ras Ghareb backhauls to the Mediterranean over the same Suez crossing.'],
  ['asset-fr-marseille-landing', HUB_ASSET, 'CYBER', 'TIGHT', 'Most Asian capacity landing at Marseille transits Egypt on the Suez crossing.'],
  ['asset-sg-changi-landing', HUB_ASSET, 'CYBER', 'LOOSE', 'Europe-bound traffic from Changi fails over to trans-Pacific routes within days.'],
  ['asset-sg-tuas-landing', HUB_ASSET, 'CYBER', 'LOOSE', 'Tuas carries Europe traffic via the Red Sea systems; Pacific spare capacity absorbs a loss.'],
  ['asset-fr-marseille-exchange', HUB_ASSET, 'LOGICAL', 'LOOSE', 'Peering at the exchange is sold mostly to Asian networks reaching Europe through Egypt.'],
  ['asset-gb-docklands-exchange', HUB_ASSET, 'LOGICAL', 'LOOSE', 'Members of the exchange buy Asia transit that crosses Egypt; rerouting raises latency, not outages.'],
  // Marseille: landing -> data centre -> exchange, all tight.
  ['asset-fr-marseille-datacentre', 'asset-fr-marseille-landing', 'PHYSICAL', 'TIGHT', 'The data centre is the first hop of the cables landing at the hub; no other route serves its tenants.'],
  ['asset-fr-marseille-exchange', 'asset-fr-marseille-datacentre', 'PHYSICAL', 'TIGHT', 'The exchange switching fabric is hosted in the data centre halls.'],
  // Singapore campuses behind their landings.
  ['asset-sg-loyang-campus', 'asset-sg-changi-landing', 'CYBER', 'TIGHT', 'The campus reaches its international customers through the Changi landing next door.'],
  ['asset-sg-jurong-datacentre', 'asset-sg-tuas-landing', 'CYBER', 'TIGHT', 'Jurong West is homed on the Tuas landing for all subsea capacity.'],
  // Estonia: a cycle through the grid.
  ['asset-ee-tallinn-substation', 'asset-ee-harku-converter', 'PHYSICAL', 'TIGHT', 'In winter the Balti substation depends on Estlink 1 imports arriving at Harku.'],
  ['asset-ee-harku-converter', 'asset-ee-puessi-converter', 'CYBER', 'TIGHT', 'Estlink 1 and 2 run under one coordinated control scheme hosted at Püssi.'],
  ['asset-ee-puessi-converter', 'asset-ee-tallinn-substation', 'PHYSICAL', 'TIGHT', "Püssi's control systems are fed from the Balti substation through the 330 kV ring."],
  ['asset-ee-paldiski-landfall', 'asset-ee-tallinn-substation', 'PHYSICAL', 'TIGHT', 'Metering and compression at the Balticconnector landfall draw power from the Balti substation.'],
  // Norwegian gas to Poland.
  ['asset-pl-niechorze-landfall', 'asset-no-karsto-plant', 'PHYSICAL', 'TIGHT', 'Baltic Pipe takes its gas from Europipe II, fed by the Kårstø plant.'],
  ['asset-pl-goleniow-compressor', 'asset-pl-niechorze-landfall', 'PHYSICAL', 'TIGHT', 'Goleniów compresses what arrives at the Niechorze landfall and nothing else.'],
  // Australian LNG to Japanese fabs.
  ['asset-au-pilbara-lng', 'asset-au-pilbara-feed-pipeline', 'PHYSICAL', 'TIGHT', 'The liquefaction trains run on the offshore feed gas.'],
  ['asset-au-karratha-power', 'asset-au-pilbara-feed-pipeline', 'PHYSICAL', 'TIGHT', 'The power station burns gas from the same feed pipeline.'],
  ['asset-au-pilbara-lng', 'asset-au-karratha-power', 'PHYSICAL', 'TIGHT', 'Karratha supplies the electric drives of the liquefaction trains.'],
  ['asset-jp-yokkaichi-fab', 'asset-au-pilbara-lng', 'PHYSICAL', 'LOOSE', "The gas-fired plants supplying the fab burn Pilbara cargoes; the utility's storage covers weeks."],
  ['asset-jp-kitakami-fab', 'asset-au-pilbara-lng', 'PHYSICAL', 'LOOSE', 'Tohoku generation relies on Pilbara LNG for a third of its gas; spot cargoes can replace it.'],
  // Data centres on cable landings and grid.
  ['asset-nl-amsterdam-science-park', 'asset-nl-katwijk-landing', 'CYBER', 'TIGHT', 'Transatlantic capacity of the exchange members lands at Katwijk.'],
  ['asset-de-frankfurt-ostend', 'asset-de-frankfurt-kleyer', 'CYBER', 'TIGHT', 'Tenants of the data centre peer exclusively through the Kleyerstrasse exchange.'],
  ['asset-de-frankfurt-kleyer', 'asset-de-norden-landing', 'CYBER', 'LOOSE', 'North Sea systems landing at Norden carry much of the exchange transatlantic traffic.'],
  ['asset-de-frankfurt-ostend', 'asset-de-rhein-main-substation', 'PHYSICAL', 'TIGHT', 'The campus is fed from the Rhein-Main substation; on-site generators last 48 hours.'],
  // A port on a power interconnect, a port on its community data centre.
  ['asset-ua-odesa-grain', 'asset-ua-mukachevo-interconnect', 'PHYSICAL', 'LOOSE', 'When domestic plants are hit, the terminal runs on power imported over the ENTSO-E interconnector.'],
  ['asset-kr-busan-new-port', 'asset-kr-busan-port-datacentre', 'CYBER', 'TIGHT', 'Gate, yard and customs systems of the terminal run in the port community data centre.'],
  // Superseded: the shared backhaul was replaced in 2024. Kept for history; the analysis ignores it.
  ['asset-gb-widemouth-landing', 'asset-gb-bude-landing', 'PHYSICAL', 'TIGHT', 'Widemouth shared the Bude backhaul until its own route was lit.', 'RETIRED'],
];
