import { tsString, type Names } from './names';

const SECTORS = [
  'CHEMICAL', 'COMMERCIAL_FACILITIES', 'COMMUNICATIONS', 'CRITICAL_MANUFACTURING', 'DAMS', 'DEFENSE_INDUSTRIAL_BASE',
  'EMERGENCY_SERVICES', 'ENERGY', 'FINANCIAL_SERVICES', 'FOOD_AND_AGRICULTURE', 'GOVERNMENT_SERVICES_AND_FACILITIES',
  'HEALTHCARE_AND_PUBLIC_HEALTH', 'INFORMATION_TECHNOLOGY', 'NUCLEAR_REACTORS_MATERIALS_AND_WASTE',
  'TRANSPORTATION_SYSTEMS', 'WATER_AND_WASTEWATER_SYSTEMS',
];

/** The sector a subgraph name suggests (`energy` -> ENERGY, `water` -> WATER_AND_...), if any. */
export function sectorFor(n: Names): string | null {
  return SECTORS.find((code) => code === n.upper || code.startsWith(`${n.upper}_`)) ?? null;
}

/** `src/seed/data/sites.ts`: invented rows in the demo countries of docs/demo-data.md. */
export const seedDataTs = (n: Names) => {
  const sector = sectorFor(n);
  const rows = [
    ['nl-1', 'Maasvlakte harbour site', 'NL', 'Port-side site in Rotterdam serving North Sea traffic.'],
    ['nl-2', 'Eemshaven site', 'NL', 'Northern Dutch site next to the data centre and cable landing cluster.'],
    ['de-1', 'Wilhelmshaven site', 'DE', 'North Sea coast site on the Jade Bight.'],
    ['jp-1', 'Yokohama bay site', 'JP', 'Tokyo Bay site south of the Keihin industrial zone.'],
  ];
  const body = rows
    .map(
      ([id, name, country, description]) =>
        `  {\n    id: ${tsString(`${n.name}-${id}`)},\n    name: ${tsString(name)},\n    countryCode: ${tsString(country)},\n` +
        `    sectorCode: ${sector ? tsString(sector) : 'null'},\n    description: ${tsString(`${description} Invented demo row.`)},\n  },`,
    )
    .join('\n');
  return `import type { sites } from '../../db/schema';

/**
 * Invented demo rows (docs/demo-data.md: everything about specific foreign sites is invented).
 * Replace them with ${n.owner}'s own; ids are stable so that a re-seed changes nothing.
 */
export const demoSites: (typeof sites.$inferInsert)[] = [
${body}
];
`;
};

/** `src/seed/index.ts`: loads the demo rows when SEED_DEMO is on; idempotent. */
export const seedIndexTs = (n: Names) => `import type { Db } from '@iag/kit';
import { sites, type ${n.pascal}Schema } from '../db/schema';
import { demoSites } from './data/sites';

export interface SeedOptions {
  /** Load the invented demo set (SEED_DEMO, on by default). This subgraph has no reference data. */
  demo: boolean;
}

/** Seeds the ${n.name} database. Idempotent: rows that exist (by id) are left as they are. */
export async function seed${n.pascal}(db: Db<${n.pascal}Schema>, options: SeedOptions) {
  if (!options.demo) return { sites: 0 };
  await db.insert(sites).values(demoSites).onConflictDoNothing();
  return { sites: demoSites.length };
}
`;
