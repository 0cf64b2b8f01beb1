import { createInternalSigner, type Principal } from '@iag/kit';
import type { DisseminationConfig } from './config';
import type { OutboxRow } from './outbox.store';

/** Who the dispatcher is to Partners: only this `sub` is accepted with its key. */
export const DISPATCHER_PRINCIPAL: Principal = {
  kind: 'US_GOVERNMENT',
  sub: 'service:cisa-dispatcher',
  agency: 'CISA',
  scopes: ['deliveries:write'],
};
export const PARTNERS_AUDIENCE = 'partners';
export const PARTNERS_TIMEOUT_MS = 5_000;

const RECORD_DELIVERIES = `mutation($d: [DeliveryIntentInput!]!) { recordDeliveries(deliveries: $d) { recorded alreadyPresent } }`;

/** A failure to deliver a batch, with a short message fit for `last_error` (no token, no body). */
export class DeliveryError extends Error {}

/** The same row always yields the same intent id, so a resent batch is recognised as such. */
export const intentIdOf = (row: OutboxRow) => `cisa:${row.productId}:${row.revision}:${row.recipientId}`;

export function toDeliveryIntent(row: OutboxRow) {
  return {
    productId: row.productId,
    revision: row.revision,
    recipientId: row.recipientId,
    tlp: row.tlp,
    channel: row.channel,
    recipientIndividual: row.recipientIndividual,
    intentId: intentIdOf(row),
  };
}

/** Sends batches to Partners' `recordDeliveries`, with a token it signs for itself. */
export async function createPartnersClient(config: DisseminationConfig) {
  const sign = await createInternalSigner(config.privateJwk);
  return async function recordDeliveries(rows: OutboxRow[]): Promise<{ recorded: number; alreadyPresent: number }> {
    const token = await sign(DISPATCHER_PRINCIPAL, PARTNERS_AUDIENCE);
    let res: Response;
    try {
      res = await fetch(config.partnersUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: RECORD_DELIVERIES, variables: { d: rows.map(toDeliveryIntent) } }),
        signal: AbortSignal.timeout(PARTNERS_TIMEOUT_MS),
      });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new DeliveryError(`Partners did not answer within ${PARTNERS_TIMEOUT_MS / 1000} s`);
      const code = (error as { cause?: { code?: string } })?.cause?.code;
      throw new DeliveryError(`Partners unreachable${code ? ` (${code})` : ''}`);
    }
    let body: { data?: { recordDeliveries?: { recorded: number; alreadyPresent: number } | null } | null; errors?: { extensions?: { code?: string } }[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new DeliveryError(`Partners answered HTTP ${res.status} without GraphQL`);
    }
    const result = body.data?.recordDeliveries;
    if (!res.ok || body.errors?.length || !result) {
      const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code ?? 'ERROR'))].slice(0, 3).join(', ');
      throw new DeliveryError(`Partners answered HTTP ${res.status}${codes ? `: ${codes}` : ''}`);
    }
    return result;
  };
}
