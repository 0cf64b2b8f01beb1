// Sends the cases with bounded concurrency and records every answer (or the failure to get one).
import type { FuzzCase } from './requests';
import { sendRaw, type RawRequest, type RawResponse } from './raw-http';

export interface Outcome {
  target: string;
  index: number;
  case: FuzzCase;
  response?: RawResponse;
  /** No complete answer: a reset, a timeout. */
  failure?: string;
  ms: number;
}

/**
 * A placeholder the generators put where a token goes, resolved at send time (internal tokens live
 * 60 s): `own` a token this target accepts; `foreign` (an internal token meant for another service)
 * and `caller` (a caller token, which only the gateway reads) are well signed and must be refused.
 */
export const tokenPlaceholder = (kind: 'own' | 'foreign' | 'caller', persona: string) => `{{${kind}:${persona}}}`;

export interface Job {
  target: string;
  port: number;
  index: number;
  case: FuzzCase;
  /** Resolves a token placeholder for this target. */
  token(kind: string, persona: string): Promise<string>;
}

async function resolveTokens(job: Job): Promise<RawRequest> {
  const headers = await Promise.all(
    job.case.request.headers.map(async ([name, value]): Promise<[string, string]> => {
      const match = /\{\{(\w+):([\w-]+)\}\}/.exec(value);
      return match ? [name, value.replace(match[0], await job.token(match[1], match[2]))] : [name, value];
    }),
  );
  return { ...job.case.request, headers };
}

/** Runs the jobs, at most `concurrency` at a time, in order of the list. */
export async function runJobs(jobs: Job[], concurrency: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      const started = performance.now();
      try {
        const request = await resolveTokens(job);
        const response = await sendRaw(job.port, request, request.method === 'HEAD');
        outcomes[i] = { target: job.target, index: job.index, case: job.case, response, ms: performance.now() - started };
      } catch (error) {
        outcomes[i] = { target: job.target, index: job.index, case: job.case, failure: String(error), ms: performance.now() - started };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}
