import { BadUserInputError, ForbiddenError, NotFoundError, type SubgraphContext, type Tx } from '@iag/kit';
import { and, eq, getTableColumns, sql } from '@iag/kit/orm';
import { threatProductRevisions, threatProducts, type CisaSchema } from '../db/schema';
import { visibleProducts } from './product.visibility';
import type { ThreatProductRow } from './threat-product.loader';

type Ctx = SubgraphContext<CisaSchema>;
type Status = ThreatProductRow['status'];

/**
 * The product a life-cycle mutation is about to change, read inside its transaction: NOT_FOUND if
 * missing, FORBIDDEN if the caller may not see it (the same rule as every read), and
 * BAD_USER_INPUT on `id` if its status does not allow the step.
 */
export async function productForChange(tx: Tx, ctx: Ctx, id: string, allowed: Status[], step: string): Promise<ThreatProductRow> {
  const [found] = await tx
    .select({ ...getTableColumns(threatProducts), visible: sql<boolean>`coalesce(${visibleProducts(ctx) ?? sql`true`}, false)` })
    .from(threatProducts)
    .where(eq(threatProducts.id, id));
  if (!found) throw new NotFoundError('ThreatProduct', id);
  const { visible, ...row } = found;
  if (!visible) throw new ForbiddenError('Your access does not include this threat product');
  // Reading is not owning: only the authoring agency changes its product, whoever else may read it.
  if (ctx.principal.agency !== row.authorAgency) {
    throw new ForbiddenError(`Only ${row.authorAgency} changes its own threat products`);
  }
  if (!allowed.includes(row.status)) {
    throw new BadUserInputError(`Only ${allowed.join(' or ').toLowerCase()} products can be ${step}; this one is ${row.status.toLowerCase()}`, 'id');
  }
  return row;
}

/** The product as it stands, for a revision's snapshot. */
const snapshotOf = (row: ThreatProductRow) => ({ ...row, createdAt: undefined, updatedAt: undefined });

/** Records a new revision of the product, as it stands now. */
export async function addRevision(tx: Tx, row: ThreatProductRow, changeNote: string, createdBy: string | undefined) {
  await tx.insert(threatProductRevisions).values({
    productId: row.id,
    revision: row.revision,
    title: row.title,
    summary: row.summary,
    changeNote,
    snapshot: snapshotOf(row),
    createdBy: createdBy ?? null,
  });
}

/** A draft has one revision that changes with it until it is published. */
export async function refreshDraftRevision(tx: Tx, row: ThreatProductRow) {
  await tx
    .update(threatProductRevisions)
    .set({ title: row.title, summary: row.summary, snapshot: snapshotOf(row) })
    .where(and(eq(threatProductRevisions.productId, row.id), eq(threatProductRevisions.revision, row.revision)));
}
