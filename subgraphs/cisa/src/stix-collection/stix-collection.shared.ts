import type { SubgraphContext } from '@iag/kit';
import { rowsOf } from '@iag/kit';
import { and, lt, ne, sql, type SQL } from '@iag/kit/orm';
import {
  threatProductCountries,
  threatProducts,
  threatProductVulnerabilities,
  vulnerabilities,
  type CisaSchema,
} from '../db/schema';
import type { StixObject } from '../stix/stix.bundle';
import { agencyIdentityId, KEV_AGENCY } from '../stix/stix.shared';
import { TLP_MARKING_DEFINITIONS } from '../stix/stix.tlp';
import { visibleProducts } from '../threat-product/product.visibility';
import type { ThreatProductRow } from '../threat-product/threat-product.loader';

type Ctx = SubgraphContext<CisaSchema>;

/** Types several products share; every other object of a bundle belongs to its product alone. */
export const SHARED_TYPES = new Set(['identity', 'marking-definition', 'vulnerability', 'location']);

const t = threatProducts;
/**
 * When a product's objects were added to the collection: its last change, kept in milliseconds
 * (what a TAXII `date_added` and a cursor say), and indexed with the id in the collection's order.
 */
export const addedAt = t.updatedAt;

/** The products a collection serves: those the caller may see, once released (never a draft). */
export const servedProducts = (ctx: Ctx): SQL => and(visibleProducts(ctx), ne(t.status, 'DRAFT'))!;

/** A product the page read, with its place in the collection and its bundle's objects. */
export interface WindowProduct {
  row: ThreatProductRow;
  dateAdded: Date;
  objects: StixObject[];
}

/** An object several products carry, placed where its first served product was added. */
export interface SharedEntry {
  object: StixObject;
  dateAdded: Date;
}

export type Kind = 'identity' | 'marking' | 'vulnerability' | 'location';
export const MARKING_LEVELS = new Map(Object.entries(TLP_MARKING_DEFINITIONS).map(([level, marking]) => [marking.id, level]));

/** What a shared object stands for: an agency, a TLP level, a CVE or a country. */
function keyOf(object: StixObject, identities: Map<string, string>): { kind: Kind; key: string } | undefined {
  switch (object.type) {
    case 'identity':
      return identities.has(object.id) ? { kind: 'identity', key: identities.get(object.id)! } : undefined;
    case 'marking-definition':
      return MARKING_LEVELS.has(object.id) ? { kind: 'marking', key: MARKING_LEVELS.get(object.id)! } : undefined;
    case 'vulnerability':
      return { kind: 'vulnerability', key: String(object.name) };
    case 'location':
      return { kind: 'location', key: String(object.country) };
  }
}

// `(values ($1), ($2)) as v(key)`: the keys to check, one probe each.
const keyList = (keys: string[]) => sql.join(keys.map((key) => sql`(${key})`), sql`, `);

/**
 * `select <what> from <the served products carrying the object of this kind and key> where <extra>`:
 * one rule for "which products carry it", used to place a shared object and to probe for it.
 */
function carriers(ctx: Ctx, kind: Kind, key: SQL, what: SQL, extra: SQL = sql`true`): SQL {
  const served = and(servedProducts(ctx), extra)!;
  switch (kind) {
    case 'identity':
      // CISA signs every KEV entry, so a product citing one also carries CISA's identity.
      return sql`select ${what} from ${t} where ${served} and (${t.authorAgency} = ${key} or (${key} = ${KEV_AGENCY} and exists (
          select 1 from ${threatProductVulnerabilities} join ${vulnerabilities} on ${vulnerabilities.cveId} = ${threatProductVulnerabilities.key}
           where ${threatProductVulnerabilities.productId} = ${t.id})))`;
    case 'marking':
      // Every bundle carries TLP:CLEAR (its identity, vulnerabilities and locations are public).
      return sql`select ${what} from ${t} where ${served} and (${key} = 'CLEAR' or ${t.tlp}::text = ${key})`;
    case 'vulnerability':
      return sql`select ${what} from ${threatProductVulnerabilities} join ${t} on ${t.id} = ${threatProductVulnerabilities.productId}
         where ${threatProductVulnerabilities.key} = ${key} and ${served}`;
    case 'location':
      return sql`select ${what} from ${threatProductCountries} join ${t} on ${t.id} = ${threatProductCountries.productId}
         where ${threatProductCountries.key} = ${key} and ${served}`;
  }
}

/**
 * The keys of one kind that some served product added before `before` already carried: their
 * objects entered the collection earlier. One EXISTS probe per key, which stops at the first such
 * product, so the cost follows the page, not the collection.
 */
async function carriedBefore(ctx: Ctx, kind: Kind, keys: string[], before: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const probe = carriers(ctx, kind, sql`v.key`, sql`1`, lt(addedAt, before));
  const result = await ctx.db.execute(sql`select v.key from (values ${keyList(keys)}) as v(key) where exists (${probe})`);
  return new Set(rowsOf<{ key: string }>(result).map((row) => row.key));
}

/** The first served product carrying a shared object, by its kind and key: where it entered. */
export async function firstCarrier(ctx: Ctx, kind: Kind, key: string): Promise<string | undefined> {
  const query = carriers(ctx, kind, sql`${key}`, sql`${t.id} as id`);
  const [first] = rowsOf<{ id: string }>(await ctx.db.execute(sql`${query} order by ${t.updatedAt}, ${t.id} limit 1`));
  return first?.id;
}

/**
 * The shared objects (identities, markings, vulnerabilities, locations) whose first served product
 * is in the window the page read, at that product's place. The window holds every served product
 * added from `from` on, in order, so an object first carried inside it and by no served product
 * added before `from` enters the collection there.
 */
export async function sharedEntries(ctx: Ctx, window: WindowProduct[], from: Date | undefined): Promise<SharedEntry[]> {
  const identities = new Map([KEV_AGENCY, ...window.map((p) => p.row.authorAgency)].map((agency) => [agencyIdentityId(agency), agency]));
  const first = new Map<string, SharedEntry & { kind: Kind; key: string }>();
  for (const { objects, dateAdded } of window) {
    for (const object of objects) {
      if (!SHARED_TYPES.has(object.type) || first.has(object.id)) continue;
      const key = keyOf(object, identities);
      if (key) first.set(object.id, { object, dateAdded, ...key });
    }
  }
  if (!from) return [...first.values()];
  const candidates = [...first.values()];
  const kinds: Kind[] = ['identity', 'marking', 'vulnerability', 'location'];
  const seen = await Promise.all(
    kinds.map((kind) => carriedBefore(ctx, kind, candidates.filter((c) => c.kind === kind).map((c) => c.key), from)),
  );
  return candidates.filter((c) => !seen[kinds.indexOf(c.kind)].has(c.key));
}

