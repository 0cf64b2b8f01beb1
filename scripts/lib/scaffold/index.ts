// The files `pnpm new-subgraph` writes, by path inside `subgraphs/<name>/`. Each template is a
// function of the subgraph's names (scaffold/names.ts) returning the file's text.
import { countryResolverTs, countryTypeTs } from './country';
import { dbSchemaTs } from './db';
import { accessTs, indexTs, mainTs, schemaTs, serverTs } from './entry';
import type { Names } from './names';
import { drizzleConfig, packageJson, readme } from './package';
import { seedDataTs, seedIndexTs } from './seed';
import { siteLoaderTs, siteQueryTs, siteResolverTs } from './site-read';
import { siteArgsTs, siteInputTs, siteTypeTs } from './site-type';
import { siteMutationTs, siteValidateTs } from './site-write';
import { mutationTestTs, readTestTs } from './tests';

export * from './names';
export * from './registry';
export * from './migrations';

export function scaffoldFiles(n: Names): Record<string, string> {
  return {
    'package.json': packageJson(n),
    'drizzle.config.ts': drizzleConfig(),
    'README.md': readme(n),
    'src/index.ts': indexTs(n),
    'src/main.ts': mainTs(n),
    'src/server.ts': serverTs(n),
    'src/schema.ts': schemaTs(n),
    'src/access.ts': accessTs(n),
    'src/db/schema.ts': dbSchemaTs(n),
    'src/site/site.type.ts': siteTypeTs(n),
    'src/site/site.args.ts': siteArgsTs(n),
    'src/site/site.input.ts': siteInputTs(n),
    'src/site/site.loader.ts': siteLoaderTs(n),
    'src/site/site.query.ts': siteQueryTs(n),
    'src/site/site.resolver.ts': siteResolverTs(n),
    'src/site/site.validate.ts': siteValidateTs(n),
    'src/site/site.mutation.ts': siteMutationTs(n),
    'src/country/country.type.ts': countryTypeTs(n),
    'src/country/country.resolver.ts': countryResolverTs(n),
    'src/seed/index.ts': seedIndexTs(n),
    'src/seed/data/sites.ts': seedDataTs(n),
    [`test/${n.name}.test.ts`]: readTestTs(n),
    'test/site.mutation.test.ts': mutationTestTs(n),
  };
}
