import { createRequire } from 'node:module';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const require = createRequire(import.meta.url);
const postgresUrl = process.env.TEST_DATABASE_URL;

// What the gateway alone decides (the explorer, limits, the audit, introspection, hot reload,
// logs and metrics, the scaffold on a copy of the tree), what pure functions build from rows
// (the STIX and CSAF formats) and how `pnpm import:kev` reads its source (the import itself is
// tested on both drivers in subgraphs/cisa/src/kev) does not depend on the subgraphs' database:
// these files run once, in the PGlite project, instead of twice. So do the gateway's own unit
// tests, the benchmark's arithmetic, the kit's HTTP layer and its mapping of database errors,
// which open no database at all.
const RUN_ONCE = [
  'bench/lib/**',
  'gateway/src/**',
  'subgraphs/kit/src/http/**',
  'subgraphs/kit/src/mutation/run.test.ts',
  'scripts/import-kev.test.ts',
  'subgraphs/cisa/src/csaf/csaf.document.test.ts',
  'subgraphs/cisa/src/stix/stix.bundle.test.ts',
  'test/explorer.test.ts',
  'test/graphql-cop.test.ts',
  'test/hot-reload.test.ts',
  'test/introspection.test.ts',
  'test/limits.test.ts',
  'test/new-subgraph.test.ts',
  'test/observability.test.ts',
];

const project = (name: string, databaseUrl: string, exclude: string[] = []): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.data/**', ...exclude],
    env: { TEST_DATABASE_URL: databaseUrl },
  },
});

// Every suite runs on embedded PGlite; with TEST_DATABASE_URL set, it runs again on PostgreSQL,
// each test file in a database of its own that is dropped after.
const projects = [project('pglite', '')];
if (postgresUrl) projects.push(project('postgres', postgresUrl, RUN_ONCE));

export default defineConfig({
  resolve: {
    // One graphql module for the whole run: type-graphql, @apollo/subgraph and the tests must all
    // see the same GraphQLObjectType class ("Cannot use GraphQLObjectType from another realm").
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    projects,
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the CPUs: a single worker on a two-core runner,
    // which left a core idle while tests waited on servers and child processes (17 min in CI).
    maxWorkers: 2,
  },
});
