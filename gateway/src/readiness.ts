import type { SupergraphService } from './supergraph';

export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, 'up' | 'down'>;
}

/** Asks every subgraph's `/health` at once; ready only when all answer within the timeout. */
export async function checkSubgraphs(services: SupergraphService[], timeoutMs = 1_500): Promise<Readiness> {
  const results = await Promise.all(
    services.map(async (service) => {
      try {
        const res = await fetch(new URL('/health', service.url), { signal: AbortSignal.timeout(timeoutMs) });
        return [service.name, res.ok ? 'up' : 'down'] as const;
      } catch {
        return [service.name, 'down'] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(results) as Readiness['subgraphs'];
  return { ready: results.every(([, state]) => state === 'up'), subgraphs };
}
