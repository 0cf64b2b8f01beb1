import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, defaultSubgraphUrl } from '../scripts/lib/compose';
import { subgraphs } from '../scripts/subgraphs';

const committed = (name: string) => readFileSync(new URL(`../schema/${name}.graphql`, import.meta.url), 'utf8');

describe('committed schema files', () => {
  it('match what the code produces (run `pnpm compose` after a schema change)', async () => {
    const sdls = [];
    for (const subgraph of subgraphs) {
      const { sdl } = await (await subgraph.load()).buildSchema();
      expect(sdl, `schema/${subgraph.name}.graphql is stale`).toBe(committed(subgraph.name));
      sdls.push({ name: subgraph.name, url: defaultSubgraphUrl(subgraph.port), sdl });
    }
    const result = composeSupergraph(sdls);
    expect(result.ok && result.supergraphSdl).toBe(committed('supergraph'));
  });

  it('reports composition errors naming the types involved', () => {
    const result = composeSupergraph([
      { name: 'a', url: 'http://a', sdl: 'type Query { x: Widget } type Widget @key(fields: "id") { id: ID! size: Int }' },
      { name: 'b', url: 'http://b', sdl: 'type Query { y: Widget } type Widget @key(fields: "id") { id: ID! size: String }' },
    ].map((s) => ({ ...s, sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) ${s.sdl}` })));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toMatch(/Widget\.size/);
  });
});
