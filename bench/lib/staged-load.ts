// A load driver for requests that go to several hosts: autocannon drives one host, and the
// whole-request floor sends each request's fetches to whichever subgraphs the gateway asked.
// `connections` loops each send one request at a time: its stages in order, a stage's fetches
// at once, over keep-alive sockets. Counts and latency are per request, as in load.ts.
import { Agent, request } from 'node:http';
import { LatencyRecorder } from './histogram';
import type { LoadResult } from './load';

export interface StagedFetch {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** A request's stages, built afresh per send (its tokens may have been re-signed). */
export type StagedRequest = () => StagedFetch[][];

function post(agent: Agent, fetch: StagedFetch): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      fetch.url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fetch.body), ...fetch.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end(fetch.body);
  });
}

export async function runStagedLoad(options: { requests: StagedRequest[]; connections: number; seconds: number }): Promise<LoadResult> {
  const { requests, connections, seconds } = options;
  if (!requests.length) throw new Error('runStagedLoad: no requests');
  const agent = new Agent({ keepAlive: true });
  const recorder = new LatencyRecorder();
  let next = 0;
  let sent = 0;
  let errors = 0;
  let errorSample: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  const loop = async () => {
    while (performance.now() < deadline) {
      const stages = requests[next++ % requests.length]();
      const begun = performance.now();
      let failed = false;
      for (const stage of stages) {
        const answers = await Promise.allSettled(stage.map((f) => post(agent, f)));
        sent += stage.length;
        for (const answer of answers) {
          const bad =
            answer.status === 'rejected'
              ? String(answer.reason)
              : answer.value.status < 200 || answer.value.status >= 300 || answer.value.body.includes('"errors"')
                ? `${answer.value.status} ${answer.value.body.slice(0, 500)}`
                : undefined;
          if (bad) {
            failed = true;
            errorSample ??= bad;
          }
        }
      }
      if (failed) errors++;
      // Like autocannon, only what finished within the run counts.
      if (performance.now() <= deadline) recorder.record(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  const latency = recorder.summary();
  const elapsed = seconds;
  return { count: latency.count, requests: sent, seconds: elapsed, perSecond: latency.count / elapsed, latency, errors, errorSample };
}
