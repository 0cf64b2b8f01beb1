// Test support: every demo product gathered for export, from a seeded test database, so that the
// format tests (STIX, CSAF) check what the subgraph would really export.
import { createContext } from '@iag/kit';
import { startTestSubgraph, TEST_PRINCIPAL, type StartedSubgraph } from '@iag/kit/testing';
import { asc } from '@iag/kit/orm';
import { threatProducts, type CisaSchema } from '../db/schema';
import { cisaMain } from '../main';
import type { ProductExport } from './product-export';
import { gatherProductExport } from './product-export.read';

export interface DemoExports {
  /** Every demo product (drafts, withdrawn and RED ones included), by product id order. */
  exports: ProductExport[];
  subgraph: StartedSubgraph<CisaSchema>;
  close(): Promise<void>;
}

export async function loadDemoExports(): Promise<DemoExports> {
  const subgraph = await startTestSubgraph(cisaMain);
  const db = subgraph.database.db;
  const ctx = createContext(db, TEST_PRINCIPAL, 'export-fixture');
  const rows = await db.select().from(threatProducts).orderBy(asc(threatProducts.id));
  const exports = await Promise.all(rows.map((row) => gatherProductExport(ctx, row)));
  return { exports, subgraph, close: () => subgraph.close() };
}
