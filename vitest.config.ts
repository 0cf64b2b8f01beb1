import { createRequire } from 'node:module';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const require = createRequire(import.meta.url);
const postgresUrl = process.env.TEST_DATABASE_URL;

const shared = {
  extends: true,
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.data/**'],
  },
} as const;

// Every suite runs on embedded PGlite; with TEST_DATABASE_URL set, it runs again on PostgreSQL,
// each test file in a database of its own that is dropped after.
const projects: TestProjectInlineConfiguration[] = [
  { ...shared, test: { ...shared.test, name: 'pglite', env: { TEST_DATABASE_URL: '' } } },
];
if (postgresUrl) {
  projects.push({ ...shared, test: { ...shared.test, name: 'postgres', env: { TEST_DATABASE_URL: postgresUrl } } });
}

export default defineConfig({
  resolve: {
    // One graphql module for the whole run: type-graphql, @apollo/subgraph and the tests must all
    // see the same GraphQLObjectType class ("Cannot use GraphQLObjectType from another realm").
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    projects,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
