import type { SubgraphContext } from '@iag/kit';
import { and, eq, inArray } from '@iag/kit/orm';
import { threatProductCountries, threatProducts, threatProductVulnerabilities, vulnerabilities, type CisaSchema } from '../db/schema';
import { gatherProductExport } from '../exports/product-export.read';
import { toStixBundle } from '../stix/stix.bundle';
import { locationId, vulnerabilityId } from '../stix/stix.ids';
import { agencyIdentityId, KEV_AGENCY } from '../stix/stix.shared';
import { auditProductReads } from '../threat-product/product.audit';
import { comparePositions } from './stix-collection.cursor';
import { addedAt, firstCarrier, MARKING_LEVELS, servedProducts, SHARED_TYPES, type Kind } from './stix-collection.shared';
import { productsOwning } from './stix-object-index';
import { entryOf, wanted, type StixEntryValue, type StixQuery } from './stix-collection.entries';

type Ctx = SubgraphContext<CisaSchema>;
const t = threatProducts;
const typeOf = (stixId: string) => stixId.slice(0, stixId.indexOf('--'));

/**
 * What each asked-for shared id stands for (agency, TLP level, CVE, country). A shared id is derived
 * from its key, so the keys that could be meant are derived and compared: a few hundred at most.
 */
async function sharedKeys(ctx: Ctx, ids: string[]): Promise<Map<string, { kind: Kind; key: string }>> {
  const types = new Set(ids.map(typeOf));
  const found = new Map<string, { kind: Kind; key: string }>();
  const add = (kind: Kind, keys: string[], idOf: (key: string) => string) => {
    for (const key of keys) if (ids.includes(idOf(key))) found.set(idOf(key), { kind, key });
  };
  for (const id of ids) if (MARKING_LEVELS.has(id)) found.set(id, { kind: 'marking', key: MARKING_LEVELS.get(id)! });
  if (types.has('identity')) {
    const agencies = await ctx.db.selectDistinct({ key: t.authorAgency }).from(t);
    add('identity', [KEV_AGENCY, ...agencies.map((a) => a.key)], agencyIdentityId);
  }
  if (types.has('vulnerability')) {
    const v = threatProductVulnerabilities;
    const cited = await ctx.db.selectDistinct({ key: v.key }).from(v).innerJoin(vulnerabilities, eq(vulnerabilities.cveId, v.key));
    add('vulnerability', cited.map((c) => c.key), vulnerabilityId);
  }
  if (types.has('location')) {
    const countries = await ctx.db.selectDistinct({ key: threatProductCountries.key }).from(threatProductCountries);
    add('location', countries.map((c) => c.key), locationId);
  }
  return found;
}

/**
 * The STIX objects with the given ids that the caller may see, each where it sits in the collection.
 * An object a product owns is found through the index of ids; a shared one at the first served
 * product carrying it. So a request by id reads the products holding those ids, not the collection.
 */
export async function listStixEntriesById(ctx: Ctx, query: StixQuery & { ids: ReadonlySet<string> }) {
  const ids = [...query.ids];
  const shared = ids.filter((id) => SHARED_TYPES.has(typeOf(id)));
  const [owners, keys] = await Promise.all([productsOwning(ctx.db, ids.filter((id) => !shared.includes(id))), sharedKeys(ctx, shared)]);
  const carriers = await Promise.all([...keys].map(async ([id, { kind, key }]) => ({ id, productId: await firstCarrier(ctx, kind, key) })));
  const productIds = [...new Set([...owners, ...carriers.flatMap((c) => (c.productId ? [c.productId] : []))])];
  const rows = productIds.length
    ? await ctx.db.select({ row: t, dateAdded: addedAt }).from(t).where(and(servedProducts(ctx), inArray(t.id, productIds)))
    : [];
  const bundles = new Map(await Promise.all(rows.map(async ({ row }) => [row.id, toStixBundle(await gatherProductExport(ctx, row)).objects] as const)));
  const dateOf = new Map(rows.map(({ row, dateAdded }) => [row.id, dateAdded]));

  const entries: StixEntryValue[] = [];
  for (const { row, dateAdded } of rows) {
    if (!owners.includes(row.id)) continue;
    for (const object of bundles.get(row.id)!) {
      if (!SHARED_TYPES.has(object.type) && wanted(query, { dateAdded, id: object.id }, object.type)) entries.push(entryOf(object, dateAdded));
    }
  }
  for (const { id, productId } of carriers) {
    const object = productId ? bundles.get(productId)?.find((o) => o.id === id) : undefined;
    if (object && wanted(query, { dateAdded: dateOf.get(productId!)!, id }, object.type)) entries.push(entryOf(object, dateOf.get(productId!)!));
  }
  entries.sort(comparePositions);
  const page = entries.slice(0, query.limit);
  const shown = new Set(page.map((e) => e.id));
  auditProductReads(ctx, rows.filter(({ row }) => owners.includes(row.id) && bundles.get(row.id)!.some((o) => shown.has(o.id) && !SHARED_TYPES.has(o.type))).map((r) => r.row));
  return { entries: page, more: entries.length > query.limit };
}
