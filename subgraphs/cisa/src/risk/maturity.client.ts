// Reads operators' latest maturity from the Partners subgraph's GraphQL API, which owns maturity:
// CISA never reads Partners' database. Called directly (not through the gateway) with a token
// CISA signs for itself, as the dissemination dispatcher does.
import { createInternalSigner, type Principal } from '@iag/kit';
import type { DisseminationConfig } from '../dissemination/config';
import { PARTNERS_AUDIENCE } from '../dissemination/partners-client';

/** Who CISA's risk assessment is to Partners: only this `sub` is accepted with the CISA service key. */
export const RISK_PRINCIPAL: Principal = {
  kind: 'US_GOVERNMENT',
  sub: 'service:cisa-risk',
  agency: 'CISA',
  scopes: ['maturity:read'],
};
export const MATURITY_BATCH = 200;
export const MATURITY_TIMEOUT_MS = 10_000;

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id maturity { level assessedOn } } } }`;

/** Partners could not be asked, or answered unusably; the message is short and safe to show (no token, no body). */
export class MaturityFetchError extends Error {
  override name = 'MaturityFetchError';
}

/** An organization's latest maturity as Partners answered it; level null = never assessed. */
export interface FetchedMaturity {
  organizationId: string;
  level: number | null;
  assessedOn: string | null;
}

export type MaturityFetcher = (organizationIds: readonly string[]) => Promise<FetchedMaturity[]>;

type Answer = {
  data?: { _entities?: ({ id: string; maturity: { level: number; assessedOn: string } | null } | null)[] } | null;
  errors?: { extensions?: { code?: string } }[];
};

/** A fetcher of maturity for any number of organizations, asked in batches of MATURITY_BATCH. */
export async function createMaturityClient(
  config: Pick<DisseminationConfig, 'partnersUrl' | 'privateJwk'>,
  timeoutMs = MATURITY_TIMEOUT_MS,
): Promise<MaturityFetcher> {
  const sign = await createInternalSigner(config.privateJwk);

  async function batch(ids: readonly string[]): Promise<FetchedMaturity[]> {
    const token = await sign(RISK_PRINCIPAL, PARTNERS_AUDIENCE);
    let res: Response;
    try {
      res = await fetch(config.partnersUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: ENTITIES, variables: { r: ids.map((id) => ({ __typename: 'Organization', id })) } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new MaturityFetchError(`Partners did not answer within ${timeoutMs / 1000} s`);
      }
      const code = (error as { cause?: { code?: string } })?.cause?.code;
      throw new MaturityFetchError(`Partners unreachable${code ? ` (${code})` : ''}`);
    }
    let body: Answer;
    try {
      body = (await res.json()) as Answer;
    } catch {
      throw new MaturityFetchError(`Partners answered HTTP ${res.status} without GraphQL`);
    }
    const entities = body.data?._entities;
    // Any error fails the batch: a partial answer cannot tell "not assessed" from "not allowed to see".
    if (!res.ok || body.errors?.length || !Array.isArray(entities) || entities.length !== ids.length) {
      const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code ?? 'ERROR'))].slice(0, 3).join(', ');
      throw new MaturityFetchError(`Partners answered HTTP ${res.status}${codes ? `: ${codes}` : ''}`);
    }
    return ids.map((id, k) => {
      const maturity = entities[k]?.maturity ?? null;
      return { organizationId: id, level: maturity?.level ?? null, assessedOn: maturity?.assessedOn ?? null };
    });
  }

  return async (organizationIds) => {
    const ids = [...new Set(organizationIds)];
    const out: FetchedMaturity[] = [];
    for (let k = 0; k < ids.length; k += MATURITY_BATCH) out.push(...(await batch(ids.slice(k, k + MATURITY_BATCH))));
    return out;
  };
}
