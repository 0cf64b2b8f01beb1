// The whole-request floor: every subgraph fetch the gateway made for a request, sent directly to
// the subgraphs in the gateway's own order (fetches it ran side by side run side by side here),
// with no gateway in between. On a machine where the subgraphs share the cores with everything
// else, this is what a request costs without the gateway; the gap to `ours` is the gateway's own.
import { readFileSync } from 'node:fs';
import { DEV_INTERNAL_KEY_FILE, createInternalSigner, type Principal } from '@iag/kit/auth';
import type { Fetch } from './floor';
import type { StagedRequest } from './staged-load';

/**
 * Groups one request's fetches (in the order they were sent) into stages: a fetch sent before any
 * fetch of the current stage had answered ran beside them; one sent after an answer waited for it
 * (a later step of the query plan) and starts the next stage.
 */
export function stagesOf<F extends Pick<Fetch, 'startedAt' | 'endedAt'>>(fetches: F[]): F[][] {
  const sorted = [...fetches].sort((a, b) => a.startedAt - b.startedAt);
  const stages: F[][] = [];
  let firstAnswer = Infinity;
  for (const fetch of sorted) {
    const current = stages.at(-1);
    if (current && fetch.startedAt < firstAnswer) {
      current.push(fetch);
      firstAnswer = Math.min(firstAnswer, fetch.endedAt);
    } else {
      stages.push([fetch]);
      firstAnswer = fetch.endedAt;
    }
  }
  return stages;
}

/**
 * One staged request per variant that reached any subgraph, with internal tokens per (principal,
 * subgraph) re-signed every 10 s (they live 60 s). Call stop() after the runs.
 */
export async function replayRequests(
  perVariant: Fetch[][],
  subgraphUrls: Record<string, string>,
): Promise<{ requests: StagedRequest[]; stop(): void }> {
  const { privateJwk } = JSON.parse(readFileSync(DEV_INTERNAL_KEY_FILE, 'utf8'));
  const sign = await createInternalSigner(privateJwk);
  const keyOf = (f: Pick<Fetch, 'principal' | 'subgraph'>) => `${f.subgraph} ${JSON.stringify(f.principal)}`;
  const wanted = new Map<string, { principal: Principal; subgraph: string }>();
  for (const f of perVariant.flat()) wanted.set(keyOf(f), f);
  const tokens = new Map<string, string>();
  const refresh = async () => {
    for (const [key, { principal, subgraph }] of wanted) tokens.set(key, await sign(principal, subgraph));
  };
  await refresh();
  const timer = setInterval(() => void refresh(), 10_000);
  timer.unref();
  const requests: StagedRequest[] = perVariant
    .filter((fetches) => fetches.length)
    .map((fetches) => {
      const stages = stagesOf(fetches);
      return () =>
        stages.map((stage) =>
          stage.map((f) => ({ url: subgraphUrls[f.subgraph], body: f.body, headers: { authorization: `Bearer ${tokens.get(keyOf(f))}` } })),
        );
    });
  return { requests, stop: () => clearInterval(timer) };
}
