// Threat intelligence: threat products (with revisions), KEV vulnerabilities, and the fields they
// add to Country, Sector and Engagement. Everything the schema and the seed need from this part.
import type { Database } from '@iag/kit';
import type { CisaSchema } from './db/schema';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const threatIntelResolvers: Function[] = [];
export const threatIntelReferences: Record<string, (ref: any, ctx: any) => unknown> = {};
export async function seedThreatIntel(_database: Database<CisaSchema>, _options: { demo: boolean }) {
  return {};
}
