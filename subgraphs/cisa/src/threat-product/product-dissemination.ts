import type { Tx } from '@iag/kit';
import type { ThreatProductRow } from './threat-product.loader';

/**
 * The hook where a published (or revised) product will be queued for dissemination to partners:
 * it runs inside the publish/revise transaction, so an outbox row written here commits or rolls
 * back with the change itself. Intentionally empty for now: a later step adds the outbox.
 */
export async function recordDisseminationIntent(_tx: Tx, _product: ThreatProductRow): Promise<void> {
  // Dissemination (outbox to partners) is out of scope of this step.
}
