// seedScale: the generated data set on top of the demo seed, for `pnpm seed --scale <n>` and the
// benchmark. Each subgraph's database is opened with the settings `pnpm seed` uses, migrated, given
// its demo seed (the generated products reach the demo partners), then its generated rows.
import { openDatabase, parseSubgraphConfig, type Database } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { linkAllVulnerabilityAssets } from '../../../subgraphs/cisa/src/kev/kev.links';
import { seedRisk } from '../../../subgraphs/cisa/src/risk/risk.seed';
import { indexUnindexedProducts } from '../../../subgraphs/cisa/src/stix-collection/stix-object-index';
import { subgraphs } from '../../subgraphs';
import { scaleCisaInfrastructure } from './cisa';
import { scaleCisaAssetLinks } from './cisa-links';
import { scaleCisaProducts } from './cisa-products';
import { scaleDhs } from './dhs';
import type { Progress } from './insert';
import { MAX_SCALE } from './plan';
import { scalePartners } from './partners';
import { scaleState } from './state';

export { MAX_SCALE } from './plan';
export { plannedCounts } from './plan-products';

type Generator = (database: Database<any>, n: number, progress?: Progress) => Promise<Record<string, number>>;

const GENERATORS: Record<string, Generator> = {
  cisa: async (database, n, progress) => {
    const added = {
      ...(await scaleCisaInfrastructure(database, n, progress)),
      ...(await scaleCisaAssetLinks(database, n, progress)),
      ...(await scaleCisaProducts(database, n, progress)),
    };
    // The generated assets run KEV-listed technologies: rebuild the derived links, as an import does.
    await database.db.transaction((tx) => linkAllVulnerabilityAssets(tx as never));
    // The generated products' STIX ids, so that TAXII finds their objects by id.
    progress?.('cisa: indexing the STIX objects of the generated products...');
    await indexUnindexedProducts(database.db);
    // Last: the generated dependencies' scores read the links and products above (cause 'created').
    await seedRisk(database);
    return added;
  },
  dhs: scaleDhs,
  state: scaleState,
  partners: scalePartners,
};

export interface ScaleResult {
  subgraph: string;
  driver: 'pglite' | 'postgres';
  /** What the demo seed reported. */
  demo: unknown;
  /** Generated rows this run added, per entity (0 on a re-run with the same n). */
  added: Record<string, number>;
  ms: number;
}

/** Throws unless `scale` is a positive integer up to MAX_SCALE, with a message for the command line. */
export function validateScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new RangeError(`--scale must be a whole number from 1 to ${MAX_SCALE.toLocaleString('en-US')}, got ${scale}`);
  }
}

export async function seedScale(options: {
  scale: number;
  subgraphs?: string[];
  env?: Record<string, string | undefined>;
  progress?: (line: string) => void;
}): Promise<ScaleResult[]> {
  validateScale(options.scale);
  const env = options.env ?? process.env;
  const wanted = options.subgraphs ?? Object.keys(GENERATORS);
  const unknown = wanted.filter((name) => !GENERATORS[name]);
  if (unknown.length) throw new Error(`No scale generator for: ${unknown.join(', ')}`);
  const results: ScaleResult[] = [];
  for (const subgraph of subgraphs.filter((s) => wanted.includes(s.name))) {
    const main = await subgraph.load();
    const config = parseSubgraphConfig(subgraph.name, subgraph.port, env);
    const started = Date.now();
    const database = await openDatabase({ schema: main.schema, url: config.databaseUrl, dataDir: config.dataDir });
    try {
      await database.migrate(main.migrationsFolder);
      const demo = await main.seed(database, { demo: true });
      const added = await GENERATORS[subgraph.name](database, options.scale, options.progress);
      // Fresh statistics, so the planner sees 100k rows rather than the demo's hundred.
      await database.db.execute(sql`analyze`);
      results.push({ subgraph: subgraph.name, driver: database.driver, demo, added, ms: Date.now() - started });
    } finally {
      await database.close();
    }
  }
  return results;
}
