import type { Db } from '@iag/kit';
import { getTableColumns, inArray, sql, type SQL } from '@iag/kit/orm';
import { vulnerabilities, type CisaSchema } from '../db/schema';
import type { VulnerabilityRow } from '../vulnerability/vulnerability.loader';
import { parseKevCatalog, sameVulnerability, toVulnerabilityRow, type CatalogEntryRow, type KevCatalog } from './kev.catalog';
import { linkAllVulnerabilityAssets } from './kev.links';
import { recordKevCatalog } from './kev.record';
import { refreshProductsCiting } from '../stix-collection/stix-object-index';

export interface KevImportResult {
  added: number;
  updated: number;
  unchanged: number;
  catalogVersion: string;
}

/** What an import changed, for the audit record: the CVE ids added or updated. */
export interface KevImportChanges extends KevImportResult {
  changedIds: string[];
}

/** The part of a database or transaction an import needs (a mutation passes its transaction). */
export type KevWriter = Pick<Db<Record<string, unknown>>, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

/** Where a catalog came from, as recorded in `kev_catalogs.source`: a URL, a file's base name, "seed" or "mutation". */
export type KevSource = string;

/** Rows per statement: 500 rows of 11 columns stay far below PostgreSQL's 65,535 bind parameters. */
const BATCH_SIZE = 500;

// Every column of the catalog takes the incoming value on conflict, which only changed entries
// reach (unchanged ones are not written): so the conflict also stamps when the entry changed.
const { cveId: _key, changedAt: _changed, ...updatable } = getTableColumns(vulnerabilities);
const takeIncoming = {
  ...(Object.fromEntries(
    Object.entries(updatable).map(([field, column]) => [field, sql`excluded.${sql.identifier(column.name)}`]),
  ) as Record<keyof typeof updatable, SQL>),
  changedAt: sql`now()`,
};

/**
 * Loads a Known Exploited Vulnerabilities catalog (the JSON text or the parsed document) into
 * `vulnerabilities`, as an upsert by CVE id in one transaction. The document is checked against
 * CISA's JSON schema before anything is written (see `parseKevCatalog`).
 */
export async function importKevCatalog(db: Db<CisaSchema>, catalogJson: unknown, source: KevSource): Promise<KevImportResult> {
  const catalog = parseKevCatalog(catalogJson);
  const { changedIds: _changed, ...result } = await db.transaction((tx) => applyKevCatalog(tx, catalog, source));
  return result;
}

/**
 * Upserts a checked catalog inside the caller's transaction. Each batch is compared with what is
 * stored first, so only new and changed entries are written and the counts say what happened.
 * Entries missing from the catalog are kept: CISA rarely removes one, and products may cite it.
 * Then, in the same transaction, the version is recorded and the entries' links to assets rebuilt.
 */
export async function applyKevCatalog(tx: KevWriter, catalog: KevCatalog, source: KevSource): Promise<KevImportChanges> {
  const rows = catalog.vulnerabilities.map(toVulnerabilityRow);
  const result: KevImportChanges = { added: 0, updated: 0, unchanged: 0, catalogVersion: catalog.catalogVersion, changedIds: [] };
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const stored = await tx
      .select()
      .from(vulnerabilities)
      .where(inArray(vulnerabilities.cveId, batch.map((row) => row.cveId)));
    const byId = new Map<string, VulnerabilityRow>(stored.map((row) => [row.cveId, row]));
    const changed: CatalogEntryRow[] = [];
    for (const row of batch) {
      const before = byId.get(row.cveId);
      if (before && sameVulnerability(before, row)) {
        result.unchanged++;
        continue;
      }
      if (before) result.updated++;
      else result.added++;
      changed.push(row);
    }
    if (changed.length === 0) continue;
    result.changedIds.push(...changed.map((row) => row.cveId));
    await tx
      .insert(vulnerabilities)
      .values(changed)
      .onConflictDoUpdate({ target: vulnerabilities.cveId, set: takeIncoming });
  }
  await recordKevCatalog(tx, catalog, source, result);
  await linkAllVulnerabilityAssets(tx);
  // Entries new to us, or changed: the products citing them carry other STIX objects now.
  await refreshProductsCiting(tx, result.changedIds);
  return result;
}
