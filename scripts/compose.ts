// pnpm compose: builds each subgraph's SDL from its code and composes the supergraph, writing
// schema/<name>.graphql and schema/supergraph.graphql. Exits 1 with readable errors when
// composition fails, leaving the committed files as they were. It never touches schema/api.graphql:
// the published client contract moves only with `pnpm schema:check --publish`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAndCompose } from './lib/compose';
import { subgraphs } from './subgraphs';

const schemaDir = fileURLToPath(new URL('../schema/', import.meta.url));

if (process.argv.includes('--help')) {
  console.log('Usage: pnpm compose\n\nBuilds every registered subgraph schema (scripts/subgraphs.ts) and writes\nschema/<name>.graphql and schema/supergraph.graphql.');
  process.exit(0);
}

const { sdls, result } = await buildAndCompose(subgraphs, (name, sdl) =>
  console.log(`built ${name} (${sdl.split('\n').length} lines)`),
);
if (!result.ok) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}
for (const { name, sdl } of sdls) writeFileSync(`${schemaDir}${name}.graphql`, sdl);
writeFileSync(`${schemaDir}supergraph.graphql`, result.supergraphSdl);
console.log(`wrote schema/supergraph.graphql and ${sdls.length} subgraph schemas`);
