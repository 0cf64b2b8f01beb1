import { tsString, type Names } from './names';

/** `src/index.ts`: the entry; the only file that reads the environment. */
export const indexTs = (n: Names) => `import { runSubgraph } from '@iag/kit';
import { ${n.name}Main } from './main';

await runSubgraph(${n.name}Main, process.env);
`;

/** `src/main.ts`: how the hub (scripts/subgraphs.ts), compose and the tests start this subgraph. */
export const mainTs = (n: Names) => `import { fileURLToPath } from 'node:url';
import type { SubgraphMain } from '@iag/kit';
import { schema, type ${n.pascal}Schema } from './db/schema';
import { build${n.pascal}Schema } from './schema';
import { seed${n.pascal} } from './seed';
import { createServer } from './server';

/** How the ${n.name} subgraph starts: used by its entry file, \`pnpm compose\` and tests. */
export const ${n.name}Main: SubgraphMain<${n.pascal}Schema> = {
  name: ${tsString(n.name)},
  defaultPort: ${n.port},
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  buildSchema: build${n.pascal}Schema,
  seed: (database, options) => seed${n.pascal}(database.db, options),
  createServer,
};
`;

/** `src/server.ts`: the factory; starts nothing and reads no environment. */
export const serverTs = (n: Names) => `import { createSubgraphServer, type SubgraphDeps } from '@iag/kit';
import type { ${n.pascal}Schema } from './db/schema';
import { build${n.pascal}Schema } from './schema';

/** Builds the ${n.name} subgraph service; starts nothing and reads no environment. */
export async function createServer(deps: SubgraphDeps<${n.pascal}Schema>) {
  return createSubgraphServer({ name: ${tsString(n.name)}, schema: await build${n.pascal}Schema(), ...deps });
}
`;

/** `src/schema.ts`: every resolver class and reference resolver the subgraph serves. */
export const schemaTs = (n: Names) => `import { buildFederatedSchema } from '@iag/kit';
import { AUDIT_OWNER_AGENCY } from './access';
import { CountryResolver } from './country/country.resolver';
import { ${n.entity}MutationResolver } from './site/site.mutation';
import { ${n.entity}Resolver, resolve${n.entity}Reference } from './site/site.resolver';

/** ${n.owner}'s subgraph: ${n.entity}; adds \`${n.entityListField}\` to State's Country. */
export function build${n.pascal}Schema() {
  return buildFederatedSchema({
    // Adds \`${n.name}AuditLog\`, readable by AUDIT_OWNER_AGENCY principals with audit:read.
    audit: { subgraph: ${tsString(n.name)}, ownerAgency: AUDIT_OWNER_AGENCY },
    // A new resolver class (a new entity, a new field on Country) is listed here.
    resolvers: [${n.entity}Resolver, ${n.entity}MutationResolver, CountryResolver],
    references: { ${n.entity}: resolve${n.entity}Reference },
  });
}
`;

/** \`src/access.ts\`: the subgraph's access rules, in one place (docs/access.md has the hub's). */
export const accessTs = (n: Names) => `import { US_GOVERNMENT, hiddenError, isUsGovernment, type Principal } from '@iag/kit';

// Who may do what in the ${n.name} subgraph. Change the rules here; every resolver reads them from
// this file. The roles are the kit's (subgraphs/kit/src/access.ts): a scope such as
// '${n.writeScope}', AUTHENTICATED (any signed-in caller, partners included) or US_GOVERNMENT.

/**
 * Reads: US government callers only. To open reads to partners as well, use AUTHENTICATED here
 * and in \`canRead\`; to require a scope, put the scope (e.g. '${n.name}:read') here and check it
 * with \`hasScope\` in \`canRead\`.
 */
export const READ_ROLE = US_GOVERNMENT;

/** Writes: US government callers holding this scope (mint a token with it: docs/adding-a-subgraph.md). */
export const WRITE_SCOPE = ${tsString(n.writeScope)};

/** The agency whose principals (with audit:read) read \`${n.name}AuditLog\`. */
export const AUDIT_OWNER_AGENCY = ${tsString(n.agency)};

/** The same read rule for paths \`@Authorized\` does not guard: \`_entities\` references. */
export const canRead = (principal: Principal) => isUsGovernment(principal);

/** The refusal for a row that exists but the caller may not see (UNAUTHENTICATED or FORBIDDEN). */
export const refuse = (principal: Principal, id: string) => hiddenError(principal, ${tsString(n.entity)}, id);
`;
