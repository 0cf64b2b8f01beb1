import type { Names } from './names';

/** `package.json`: the same dependencies, at the same versions, as the State subgraph's. */
export const packageJson = (n: Names) =>
  `${JSON.stringify(
    {
      name: `@iag/${n.name}`,
      version: '0.1.0',
      private: true,
      type: 'module',
      description: `The ${n.name} subgraph of the Interagency Graph, run by ${n.owner}`,
      scripts: {
        start: 'tsx --tsconfig ../../tsconfig.json src/index.ts',
        'db:generate': 'drizzle-kit generate --name',
      },
      dependencies: {
        '@iag/kit': 'workspace:*',
        dataloader: '^2.2.3',
        graphql: '^16.15.0',
        'graphql-scalars': '~1.26.0',
        'reflect-metadata': '0.2.2',
        'type-graphql': '2.0.0-rc.4',
      },
      devDependencies: {
        'drizzle-kit': '0.31.11',
      },
    },
    null,
    2,
  )}\n`;

/** `drizzle.config.ts`: what `pnpm db:generate <name>` reads in the subgraph folder. */
export const drizzleConfig = () => `import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
});
`;

/** The subgraph's own README: what it holds, who may see it, how to change it. */
export const readme = (n: Names) => `# ${n.name} subgraph (${n.owner})

Scaffolded by \`pnpm new-subgraph ${n.name} --owner "${n.owner}"${n.agency === n.upper ? '' : ` --agency ${n.agency}`}\`; see
[docs/adding-a-subgraph.md](../../docs/adding-a-subgraph.md) for the walk-through.

| | |
|---|---|
| owns | \`${n.entity}\` (\`@key(fields: "id")\`) |
| adds to others | \`Country.${n.entityListField}\` (Country is owned by State) |
| port | ${n.port} (\`${n.upper}_PORT\`) |
| database | PGlite under \`.data/${n.name}\`, or PostgreSQL with \`${n.upper}_DATABASE_URL\` |
| reads | US government callers (\`src/access.ts\`) |
| writes | US government callers with the \`${n.writeScope}\` scope (\`src/access.ts\`) |
| audit log | \`${n.name}AuditLog\`, for \`${n.agency}\` principals with \`audit:read\` |

\`\`\`graphql
{ country(code: "NL") { name ${n.entityListField}(first: 5) { totalCount edges { node { id name sectorCode } } } } }
\`\`\`

## Files
- \`src/index.ts\` entry (reads the environment, listens); \`src/main.ts\` how the hub starts it;
  \`src/server.ts\` the factory (no side effects); \`src/schema.ts\` the resolvers it serves.
- \`src/access.ts\` who may read and write: change the rules there.
- \`src/db/schema.ts\` the tables; \`migrations/\` generated from it by drizzle-kit.
- \`src/site/\` the \`${n.entity}\` entity, one role per file (type, args, input, loader, query,
  resolver, mutation, validate).
- \`src/country/\` the key-only \`Country\` stub and the field this subgraph adds to it.
- \`src/seed/\` invented demo rows, loaded when \`SEED_DEMO\` is on (the default).
- \`test/\` tests on a database of their own: \`pnpm vitest run subgraphs/${n.name}\`.

## Changing it
- A column: add it in \`src/db/schema.ts\`, run \`pnpm db:generate add_<what>\` here, add the field
  to \`src/site/site.type.ts\` (and the input and validator if it is written), then \`pnpm compose\`
  at the root.
- Run alone: \`pnpm start\` here (the hub's \`pnpm start\` at the root runs it with the others).
`;
