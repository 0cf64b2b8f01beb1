// The floor: what the subgraphs cost without the gateway. A capture gateway is pointed at a
// recording proxy in front of each subgraph; each variant is sent once and its subgraph fetches
// recorded (subgraph, body, principal of the internal token). Replay sends one subgraph's fetches
// of a variant as one chain, with internal tokens signed fresh by the gateway's key.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ANONYMOUS, DEV_INTERNAL_KEY_FILE, createInternalSigner, principalFromClaims, type Principal } from '@iag/kit/auth';
import type { Chain } from './load';
import type { Scenario } from './scenarios';

export interface Fetch {
  subgraph: string;
  body: string;
  principal: Principal;
  /** When the gateway sent it and when the answer was back (ms, performance.now()). */
  startedAt: number;
  endedAt: number;
}

/** The principal an internal token carries (its payload, not verified: we signed it). */
export function principalOfToken(authorization: string | undefined): Principal {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return ANONYMOUS;
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  return payload.kind === 'ANONYMOUS' ? ANONYMOUS : principalFromClaims(payload);
}

interface Recorder {
  urls: Record<string, string>;
  take(): Fetch[];
  close(): Promise<void>;
}

async function startRecorder(subgraphUrls: Record<string, string>): Promise<Recorder> {
  let fetches: Fetch[] = [];
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, target] of Object.entries(subgraphUrls)) {
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const startedAt = performance.now();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
      // Only operations of a client (with a caller's internal token), not health checks.
      const recorded: Fetch | undefined =
        req.method === 'POST' && headers.authorization
          ? { subgraph, body, principal: principalOfToken(headers.authorization), startedAt, endedAt: startedAt }
          : undefined;
      if (recorded) fetches.push(recorded);
      try {
        const answer = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
        const answerBody = Buffer.from(await answer.arrayBuffer());
        if (recorded) recorded.endedAt = performance.now();
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(answerBody);
      } catch (error) {
        res.writeHead(502).end(String(error));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    take: () => {
      const taken = fetches;
      fetches = [];
      return taken;
    },
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

/** Per scenario, per variant: the ordered fetches the gateway made. */
export async function captureFetches(
  scenarios: Scenario[],
  subgraphUrls: Record<string, string>,
  startGateway: (urls: Record<string, string>) => Promise<{ url: string; stop(): Promise<void> }>,
): Promise<Map<string, Fetch[][]>> {
  const recorder = await startRecorder(subgraphUrls);
  const gateway = await startGateway(recorder.urls);
  try {
    const captured = new Map<string, Fetch[][]>();
    for (const scenario of scenarios) {
      const perVariant: Fetch[][] = [];
      for (const variant of scenario.variants) {
        recorder.take();
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${variant.token}` },
          body: variant.body,
        });
        await res.text();
        perVariant.push(recorder.take());
      }
      captured.set(scenario.name, perVariant);
    }
    return captured;
  } finally {
    await gateway.stop();
    await recorder.close();
  }
}

/**
 * Chains of one subgraph's fetches, one per variant that reaches it, with internal tokens kept
 * fresh (re-signed every 10 s; they live 60 s). Call stop() after the runs.
 */
export async function replayChains(perVariant: Fetch[][], subgraph: string): Promise<{ chains: Chain[]; stop(): void }> {
  const { privateJwk } = JSON.parse(readFileSync(DEV_INTERNAL_KEY_FILE, 'utf8'));
  const sign = await createInternalSigner(privateJwk);
  const tokens = new Map<string, string>();
  const principals = new Map<string, Principal>();
  const keyOf = (p: Principal) => JSON.stringify(p);
  const chainsFetches = perVariant.map((fetches) => fetches.filter((f) => f.subgraph === subgraph)).filter((f) => f.length);
  for (const f of chainsFetches.flat()) principals.set(keyOf(f.principal), f.principal);
  const refresh = async () => {
    for (const [key, principal] of principals) tokens.set(key, await sign(principal, subgraph));
  };
  await refresh();
  const timer = setInterval(() => void refresh(), 10_000);
  timer.unref();
  const chains: Chain[] = chainsFetches.map((fetches) => {
    const keys = fetches.map((f) => keyOf(f.principal));
    return () => fetches.map((f, i) => ({ body: f.body, headers: { authorization: `Bearer ${tokens.get(keys[i])}` } }));
  });
  return { chains, stop: () => clearInterval(timer) };
}
