// Infrastructure: national critical functions, assets, dependencies, and the fields they add to
// Country, Organization and Sector. Everything the schema and the seed need from this part.
import type { Database } from '@iag/kit';
import type { CisaSchema } from './db/schema';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const infrastructureResolvers: Function[] = [];
export const infrastructureReferences: Record<string, (ref: any, ctx: any) => unknown> = {};
export async function seedInfrastructure(_database: Database<CisaSchema>, _options: { demo: boolean }) {
  return {};
}
