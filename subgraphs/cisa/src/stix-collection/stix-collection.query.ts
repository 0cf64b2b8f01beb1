import { BadUserInputError, type SubgraphContext } from '@iag/kit';
import { and, asc, eq, gt, gte, inArray, or, sql, type SQL } from '@iag/kit/orm';
import { threatProducts, type CisaSchema } from '../db/schema';
import { gatherProductExport } from '../exports/product-export.read';
import { toStixBundle, type StixObject } from '../stix/stix.bundle';
import { agencyIdentityId } from '../stix/stix.shared';
import { TLP_MARKING_DEFINITIONS } from '../stix/stix.tlp';
import { auditProductReads } from '../threat-product/product.audit';
import type { ThreatProductRow } from '../threat-product/threat-product.loader';
import { comparePositions, type Position } from './stix-collection.cursor';
import { addedAt, servedProducts, sharedObjectSources, type SharedObjectSource } from './stix-collection.shared';

type Ctx = SubgraphContext<CisaSchema>;

export interface StixEntryValue extends Position {
  type: string;
  version: Date;
  object: StixObject;
}

export interface StixQuery {
  addedAfter?: Date;
  types?: ReadonlySet<string>;
  ids?: ReadonlySet<string>;
  after?: Position;
  limit: number;
}

/** Types several products share; every other object of a bundle belongs to its product alone. */
const SHARED_TYPES = new Set(['identity', 'marking-definition', 'vulnerability', 'location']);
/** Products read per round while filling a page (each gives at least its report). */
const CHUNK = 50;

const entryOf = (object: StixObject, dateAdded: Date): StixEntryValue => ({
  id: object.id,
  type: object.type,
  dateAdded,
  version: new Date(String(object.modified ?? object.created)),
  object,
});

function wanted(query: StixQuery, position: Position, type: string): boolean {
  if (query.types && !query.types.has(type)) return false;
  if (query.ids && !query.ids.has(position.id)) return false;
  if (query.addedAfter && position.dateAdded <= query.addedAfter) return false;
  return !query.after || comparePositions(position, query.after) > 0;
}

// A time as a typed parameter: postgres.js binds a Date only against a column it knows the type of,
// and `addedAt` is an expression.
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

// Products whose objects may come next: served to the caller, added at or after where the page
// starts, in the collection's order; `last` resumes after the previous round.
function nextProducts(ctx: Ctx, from: Date | undefined, last: { dateAdded: Date; id: string } | undefined) {
  const t = threatProducts;
  const conditions: (SQL | undefined)[] = [servedProducts(ctx), from ? gte(addedAt, at(from)) : undefined];
  if (last) conditions.push(or(gt(addedAt, at(last.dateAdded)), and(eq(addedAt, at(last.dateAdded)), gt(t.id, last.id))));
  return ctx.db
    .select({ row: t, dateAdded: addedAt })
    .from(t)
    .where(and(...conditions))
    .orderBy(addedAt, asc(t.id))
    .limit(CHUNK);
}

/** The object a shared source names, picked out of its first product's bundle. */
function sharedObject(bundle: StixObject[], source: SharedObjectSource): StixObject | undefined {
  switch (source.kind) {
    case 'identity':
      return bundle.find((o) => o.id === agencyIdentityId(source.key));
    case 'marking':
      return bundle.find((o) => o.id === TLP_MARKING_DEFINITIONS[source.key as keyof typeof TLP_MARKING_DEFINITIONS]?.id);
    case 'vulnerability':
      return bundle.find((o) => o.type === 'vulnerability' && o.name === source.key);
    case 'location':
      return bundle.find((o) => o.type === 'location' && o.country === source.key);
  }
}

/**
 * One page of the STIX objects the caller may see, in the order of a TAXII collection (date added,
 * then id). Products are read in rounds from where the page starts until the page is full, so a
 * page costs a few statements however large the collection; only a filter by id may read it all.
 */
export async function listStixEntries(ctx: Ctx, query: StixQuery): Promise<{ entries: StixEntryValue[]; more: boolean }> {
  if (query.limit < 1) throw new BadUserInputError('`first` must be at least 1', 'first');
  const from = [query.addedAfter, query.after?.dateAdded].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
  const bundles = new Map<string, StixObject[]>();
  const bundleOf = async (row: ThreatProductRow) => {
    const objects = toStixBundle(await gatherProductExport(ctx, row)).objects;
    bundles.set(row.id, objects);
    return objects;
  };

  const owned: StixEntryValue[] = [];
  let last: { dateAdded: Date; id: string } | undefined;
  let exhausted = false;
  const contributors = new Set<ThreatProductRow>();
  while (!exhausted) {
    const rows = await nextProducts(ctx, from, last);
    exhausted = rows.length < CHUNK;
    const objectLists = await Promise.all(rows.map(({ row }) => bundleOf(row)));
    rows.forEach(({ row, dateAdded }, i) => {
      for (const object of objectLists[i]) {
        if (SHARED_TYPES.has(object.type) || !wanted(query, { dateAdded, id: object.id }, object.type)) continue;
        owned.push(entryOf(object, dateAdded));
        contributors.add(row);
      }
    });
    if (rows.length) last = { dateAdded: rows.at(-1)!.dateAdded, id: rows.at(-1)!.row.id };
    // Objects added at the last product's time may still come from the next round's products.
    const settled = owned.filter((e) => !last || e.dateAdded < last.dateAdded).length;
    if (settled > query.limit) break;
  }

  // Shared objects join the page where they belong, but only up to where the products were read.
  const sources = (query.types && ![...query.types].some((type) => SHARED_TYPES.has(type))) ? [] : await sharedObjectSources(ctx);
  const shared: { source: SharedObjectSource; position: Position }[] = [];
  for (const source of sources) {
    if (!exhausted && last && source.dateAdded >= last.dateAdded) continue;
    shared.push({ source, position: { dateAdded: source.dateAdded, id: '' } });
  }
  // A shared object's id is known only once its first product's bundle is built.
  const missing = [...new Set(shared.map((s) => s.source.productId).filter((id) => !bundles.has(id)))];
  if (missing.length) {
    const rows = await ctx.db.select().from(threatProducts).where(inArray(threatProducts.id, missing));
    await Promise.all(rows.map(bundleOf));
  }
  const sharedEntries: StixEntryValue[] = [];
  for (const { source } of shared) {
    const object = sharedObject(bundles.get(source.productId) ?? [], source);
    if (object && wanted(query, { dateAdded: source.dateAdded, id: object.id }, object.type)) {
      sharedEntries.push(entryOf(object, source.dateAdded));
    }
  }

  const settledOwned = exhausted || !last ? owned : owned.filter((e) => e.dateAdded < last!.dateAdded);
  const all = [...settledOwned, ...sharedEntries].sort(comparePositions);
  const entries = all.slice(0, query.limit);
  // Every product whose objects leave here counts as read (AMBER and RED ones are audited).
  const shown = new Set(entries.map((e) => e.id));
  auditProductReads(ctx, [...contributors].filter((row) => bundles.get(row.id)!.some((o) => shown.has(o.id) && !SHARED_TYPES.has(o.type))));
  return { entries, more: all.length > query.limit || !exhausted };
}
