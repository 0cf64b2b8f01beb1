import type { Db } from '@iag/kit';
import {
  threatProductCountries,
  threatProductEngagements,
  threatProductRevisions,
  threatProducts,
  threatProductSectors,
  threatProductVulnerabilities,
  type CisaSchema,
} from '../db/schema';
import { amberProducts } from './data/amber';
import { clearProducts } from './data/clear';
import type { DemoProduct } from './data/demo-product';
import { greenProducts } from './data/green';
import { redProducts } from './data/red';

/** tp-01 … tp-44 of docs/demo-data.md. */
export const demoProducts: DemoProduct[] = [...clearProducts, ...greenProducts, ...amberProducts, ...redProducts];

const DAY = 86_400_000;

// Revision n of a published product came 2(n-1) days after publication, except that a withdrawal is
// dated when it happened; a draft's revisions count from when it was started.
function revisionTime(p: DemoProduct, revision: number): Date {
  if (p.withdrawnAt && revision === p.changes.length) return new Date(p.withdrawnAt);
  return new Date(Date.parse(p.at) + 2 * (revision - 1) * DAY);
}

function productRow(p: DemoProduct): typeof threatProducts.$inferInsert {
  const revision = p.changes.length;
  return {
    id: p.id,
    trackingId: p.trackingId,
    kind: p.kind,
    title: p.title,
    summary: p.summary,
    tlp: p.tlp,
    status: p.status,
    authorAgency: 'CISA',
    authors: p.authors ?? ['cisa:analyst-1'],
    audienceAgencies: ['CISA'],
    audienceOrganizations: p.organizations ?? [],
    audienceIndividuals: p.individuals ?? [],
    recommendedActions: p.actions,
    indicators: p.indicators,
    revision,
    publishedAt: p.status === 'DRAFT' ? null : new Date(p.at),
    withdrawnAt: p.withdrawnAt ? new Date(p.withdrawnAt) : null,
    // Every revision was one update of the row.
    version: revision,
    createdAt: new Date(p.at),
    updatedAt: revisionTime(p, revision),
  };
}

function revisionRows(p: DemoProduct, row: typeof threatProducts.$inferInsert) {
  return p.changes.map((changeNote, i) => {
    const revision = i + 1;
    const withdrawal = p.withdrawnAt !== undefined && revision === p.changes.length;
    // The product as it stood then: only the revision number and, before a withdrawal, the status differ.
    const snapshot = {
      ...row,
      revision,
      status: withdrawal || p.status !== 'WITHDRAWN' ? p.status : 'PUBLISHED',
      withdrawnAt: withdrawal ? p.withdrawnAt : null,
      countries: p.countries,
      sectors: p.sectors,
      vulnerabilities: p.cves,
    };
    return {
      productId: p.id,
      revision,
      title: p.title,
      summary: p.summary,
      changeNote,
      snapshot,
      createdBy: (p.authors ?? ['cisa:analyst-1'])[0],
      createdAt: revisionTime(p, revision),
    };
  });
}

const links = (p: DemoProduct, keys: string[] | undefined) => (keys ?? []).map((key) => ({ productId: p.id, key }));

/**
 * Inserts the demo products with their revisions and links, in one transaction. Idempotent: rows
 * that exist are left as they are (an analyst may have edited them since), so a second run adds
 * nothing. Returns how many products this run added.
 */
export async function seedDemoProducts(db: Db<CisaSchema>): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = demoProducts.map(productRow);
    const added = await tx
      .insert(threatProducts)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: threatProducts.id });
    await tx
      .insert(threatProductRevisions)
      .values(demoProducts.flatMap((p, i) => revisionRows(p, rows[i])))
      .onConflictDoNothing();
    const linkSets = [
      [threatProductCountries, demoProducts.flatMap((p) => links(p, p.countries))],
      [threatProductSectors, demoProducts.flatMap((p) => links(p, p.sectors))],
      [threatProductVulnerabilities, demoProducts.flatMap((p) => links(p, p.cves))],
      [threatProductEngagements, demoProducts.flatMap((p) => links(p, p.engagements))],
    ] as const;
    for (const [table, values] of linkSets) {
      if (values.length > 0) await tx.insert(table).values(values).onConflictDoNothing();
    }
    return added.length;
  });
}
