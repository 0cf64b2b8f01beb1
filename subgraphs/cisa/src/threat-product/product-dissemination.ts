import type { Tx } from '@iag/kit';
import { disseminationOutbox } from '../db/schema';
import type { ThreatProductRow } from './threat-product.loader';

/**
 * Queues a published, revised or withdrawn product for dissemination to partners: one outbox row per
 * organization in its audience, for this revision. It runs inside the mutation's transaction,
 * so the rows commit or roll back with the change itself; the dispatcher sends them later.
 * A row already there for (product, revision, recipient) is kept as it is.
 */
export async function recordDisseminationIntent(tx: Tx, product: ThreatProductRow): Promise<void> {
  const recipients = [...new Set(product.audienceOrganizations)];
  if (!recipients.length) return;
  await tx
    .insert(disseminationOutbox)
    .values(
      recipients.map((recipientId) => ({
        productId: product.id,
        revision: product.revision,
        recipientId,
        tlp: product.tlp,
      })),
    )
    .onConflictDoNothing();
}
