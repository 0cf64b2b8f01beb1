import { BadUserInputError, rowsOf, type SubgraphContext } from '@iag/kit';
import { and, asc, gte, lt, sql, type SQL } from '@iag/kit/orm';
import { threatProducts, type CisaSchema } from '../db/schema';
import { gatherProductExport } from '../exports/product-export.read';
import { toStixBundle } from '../stix/stix.bundle';
import { auditProductReads } from '../threat-product/product.audit';
import { listStixEntriesById } from './stix-collection.by-id';
import { comparePositions } from './stix-collection.cursor';
import { entryOf, wanted, type StixEntryValue, type StixQuery } from './stix-collection.entries';
import { addedAt, servedProducts, SHARED_TYPES, sharedEntries, type WindowProduct } from './stix-collection.shared';

type Ctx = SubgraphContext<CisaSchema>;
export type { StixEntryValue, StixQuery } from './stix-collection.entries';

/** Products read per round while filling a page (each gives at least its report). */
const CHUNK = 50;

/**
 * When the oldest transaction still writing to this database began, if one is. A product changed
 * in it will be stamped at or after that time (`now()` is its start), but only becomes visible when
 * it commits: a walk or a poll that served later products first would step past it for good, as
 * the next `added_after` would already be beyond it. So the collection ends, for now, before it.
 */
async function writeHorizon(ctx: Ctx): Promise<Date | undefined> {
  const result = await ctx.db.execute(sql`select min(xact_start) as at from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend' and backend_xid is not null and pid <> pg_backend_pid()`);
  const [row] = rowsOf<{ at: Date | string | null }>(result);
  return row?.at ? new Date(row.at) : undefined;
}

// Products whose objects may come next: served to the caller, added at or after where the page
// starts and before the write horizon, in the collection's order; `last` resumes after the
// previous round.
function nextProducts(ctx: Ctx, window: { from?: Date; horizon?: Date }, last: { dateAdded: Date; id: string } | undefined) {
  const t = threatProducts;
  const conditions: (SQL | undefined)[] = [
    servedProducts(ctx),
    window.from ? gte(addedAt, window.from) : undefined,
    window.horizon ? lt(addedAt, window.horizon) : undefined,
  ];
  // A row comparison, so that the (updated_at, id) index both filters and orders.
  if (last) conditions.push(sql`(${addedAt}, ${t.id}) > (${last.dateAdded.toISOString()}::timestamptz, ${last.id})`);
  return ctx.db
    .select({ row: t, dateAdded: addedAt })
    .from(t)
    .where(and(...conditions))
    .orderBy(addedAt, asc(t.id))
    .limit(CHUNK);
}

/**
 * One page of the STIX objects the caller may see, in the order of a TAXII collection (date added,
 * then id). Products are read in rounds from where the page starts until the page is full, and
 * shared objects are placed from the same products, so a page costs a few statements however large
 * the collection. A filter by id reads only the products holding those ids.
 */
export async function listStixEntries(ctx: Ctx, query: StixQuery): Promise<{ entries: StixEntryValue[]; more: boolean }> {
  if (query.limit < 1) throw new BadUserInputError('`first` must be at least 1', 'first');
  if (query.ids) return listStixEntriesById(ctx, { ...query, ids: query.ids });
  const from = [query.addedAfter, query.after?.dateAdded].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];

  const horizon = await writeHorizon(ctx);
  const window: WindowProduct[] = [];
  const owned: StixEntryValue[] = [];
  let last: { dateAdded: Date; id: string } | undefined;
  let exhausted = false;
  while (!exhausted) {
    const rows = await nextProducts(ctx, { from, horizon }, last);
    exhausted = rows.length < CHUNK;
    const objectLists = await Promise.all(rows.map(async ({ row }) => toStixBundle(await gatherProductExport(ctx, row)).objects));
    rows.forEach(({ row, dateAdded }, i) => {
      window.push({ row, dateAdded, objects: objectLists[i] });
      for (const object of objectLists[i]) {
        if (!SHARED_TYPES.has(object.type) && wanted(query, { dateAdded, id: object.id }, object.type)) owned.push(entryOf(object, dateAdded));
      }
    });
    if (rows.length) last = { dateAdded: rows.at(-1)!.dateAdded, id: rows.at(-1)!.row.id };
    // Objects added at the last product's time may still come from the next round's products.
    const settled = owned.filter((e) => !last || e.dateAdded < last.dateAdded).length;
    if (settled > query.limit) break;
  }

  // Shared objects join the page where they belong, but only up to where the products were read.
  const wantsShared = !query.types || [...query.types].some((type) => SHARED_TYPES.has(type));
  const shared = wantsShared ? await sharedEntries(ctx, window, from) : [];
  const settledAt = (e: { dateAdded: Date }) => exhausted || !last || e.dateAdded < last.dateAdded;
  const all = [
    ...owned.filter(settledAt),
    ...shared
      .filter((s) => settledAt(s) && wanted(query, { dateAdded: s.dateAdded, id: s.object.id }, s.object.type))
      .map((s) => entryOf(s.object, s.dateAdded)),
  ].sort(comparePositions);
  const entries = all.slice(0, query.limit);
  // Every product whose own objects leave here counts as read (AMBER and RED ones are audited).
  const shown = new Set(entries.map((e) => e.id));
  auditProductReads(ctx, window.filter((p) => p.objects.some((o) => shown.has(o.id) && !SHARED_TYPES.has(o.type))).map((p) => p.row));
  return { entries, more: all.length > query.limit || !exhausted };
}
