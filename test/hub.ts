// Starts the whole hub in this process for cross-subgraph tests: every registered subgraph on a
// database of its own (PGlite in memory, or a fresh PostgreSQL database with TEST_DATABASE_URL),
// a supergraph composed around their test URLs, and the gateway in front, all on free ports.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@iag/kit/http';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { parseGatewayConfig } from '../gateway/src/config';
import { createGatewayServer } from '../gateway/src/server';
import { composeSupergraph } from '../scripts/lib/compose';
import { subgraphs } from '../scripts/subgraphs';

export interface Hub {
  url: string;
  subgraphs: Record<string, StartedSubgraph<Record<string, unknown>>>;
  /** SQL statements sent by all subgraphs so far. */
  statements(): number;
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startHub(env: Record<string, string> = {}): Promise<Hub> {
  const started = Object.fromEntries(
    await Promise.all(subgraphs.map(async (s) => [s.name, await startTestSubgraph(await s.load())] as const)),
  );
  const composed = composeSupergraph(subgraphs.map((s) => ({ name: s.name, url: started[s.name].url, sdl: started[s.name].sdl })));
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'iag-hub-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const config = parseGatewayConfig({ SUPERGRAPH_PATH: supergraphPath, ...env });
  const gateway = await createGatewayServer(config, createLogger('gateway', process.env.TEST_LOG_LEVEL ?? 'silent'));
  const listening = await gateway.listen(0, '127.0.0.1');

  return {
    url: listening.url,
    subgraphs: started,
    statements: () => Object.values(started).reduce((sum, s) => sum + s.database.stats.statements, 0),
    async post(query, variables, headers = {}) {
      const res = await fetch(listening.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      await gateway.close();
      await Promise.all(Object.values(started).map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
