import type { SubgraphContext } from '@iag/kit';
import { and, asc, eq, ne, sql, type SQL } from '@iag/kit/orm';
import {
  threatProductCountries,
  threatProducts,
  threatProductVulnerabilities,
  vulnerabilities,
  type CisaSchema,
} from '../db/schema';
import { KEV_AGENCY } from '../stix/stix.shared';
import { visibleProducts } from '../threat-product/product.visibility';

type Ctx = SubgraphContext<CisaSchema>;

/**
 * An object several products carry (the author's identity, a TLP marking, a KEV vulnerability, a
 * country's location): it enters the caller's view with the first product the caller may see that
 * carries it, and is served from that product's bundle.
 */
export interface SharedObjectSource {
  kind: 'identity' | 'marking' | 'vulnerability' | 'location';
  /** Agency code, TLP (or "CLEAR" for the marking every bundle carries), CVE id, country code. */
  key: string;
  productId: string;
  dateAdded: Date;
}

const t = threatProducts;
// Milliseconds: what a cursor and a TAXII `date_added` can say; PostgreSQL keeps microseconds.
export const addedAt = sql<Date>`date_trunc('milliseconds', ${t.updatedAt})`.mapWith(t.updatedAt);

/** The products a collection serves: those the caller may see, once released (never a draft). */
export const servedProducts = (ctx: Ctx): SQL => and(visibleProducts(ctx), ne(t.status, 'DRAFT'))!;

/**
 * The first product of each shared object, one statement per kind (DISTINCT ON reads the
 * earliest row of each group). Small however many products there are: one row per agency, TLP,
 * cited CVE and country.
 */
export async function sharedObjectSources(ctx: Ctx): Promise<SharedObjectSource[]> {
  const first = [addedAt, asc(t.id)];
  const [agencies, markings, anyProduct, cves, countries] = await Promise.all([
    ctx.db
      .selectDistinctOn([t.authorAgency], { key: t.authorAgency, productId: t.id, dateAdded: addedAt })
      .from(t)
      .where(servedProducts(ctx))
      .orderBy(t.authorAgency, ...first),
    ctx.db
      .selectDistinctOn([t.tlp], { key: t.tlp, productId: t.id, dateAdded: addedAt })
      .from(t)
      .where(servedProducts(ctx))
      .orderBy(t.tlp, ...first),
    // Every bundle carries TLP:CLEAR (the identity, vulnerabilities and locations are public).
    ctx.db
      .select({ key: sql<string>`'CLEAR'`, productId: t.id, dateAdded: addedAt })
      .from(t)
      .where(servedProducts(ctx))
      .orderBy(...first)
      .limit(1),
    ctx.db
      .selectDistinctOn([threatProductVulnerabilities.key], {
        key: threatProductVulnerabilities.key,
        productId: t.id,
        dateAdded: addedAt,
      })
      .from(threatProductVulnerabilities)
      .innerJoin(t, eq(t.id, threatProductVulnerabilities.productId))
      // Bundles carry only the CVEs that are in the catalog.
      .innerJoin(vulnerabilities, eq(vulnerabilities.cveId, threatProductVulnerabilities.key))
      .where(servedProducts(ctx))
      .orderBy(threatProductVulnerabilities.key, ...first),
    ctx.db
      .selectDistinctOn([threatProductCountries.key], { key: threatProductCountries.key, productId: t.id, dateAdded: addedAt })
      .from(threatProductCountries)
      .innerJoin(t, eq(t.id, threatProductCountries.productId))
      .where(servedProducts(ctx))
      .orderBy(threatProductCountries.key, ...first),
  ]);
  // The CLEAR marking's first product is the first product of all, whatever the TLPs say.
  const withoutClear = markings.filter((m) => m.key !== 'CLEAR');
  return [
    ...identitySources(agencies, cves),
    ...[...withoutClear, ...anyProduct].map((row) => ({ kind: 'marking' as const, ...row })),
    ...cves.map((row) => ({ kind: 'vulnerability' as const, ...row })),
    ...countries.map((row) => ({ kind: 'location' as const, ...row })),
  ];
}

type Source = { key: string; productId: string; dateAdded: Date };
function earlier(a: Source | undefined, b: Source | undefined): Source | undefined {
  if (!a || !b) return a ?? b;
  const byDate = a.dateAdded.getTime() - b.dateAdded.getTime();
  if (byDate !== 0) return byDate < 0 ? a : b;
  return a.productId <= b.productId ? a : b;
}

/**
 * Each authoring agency's identity enters with its first product; CISA's also with the first
 * product citing a KEV entry, since CISA is the author of every vulnerability object.
 */
function identitySources(agencies: Source[], cves: Source[]): SharedObjectSource[] {
  const firstWithKev = cves.reduce<Source | undefined>((first, row) => earlier(first, row), undefined);
  const byAgency = new Map(agencies.map((row) => [row.key, row]));
  const kev = earlier(byAgency.get(KEV_AGENCY), firstWithKev && { ...firstWithKev, key: KEV_AGENCY });
  if (kev) byAgency.set(KEV_AGENCY, kev);
  return [...byAgency.values()].map((row) => ({ kind: 'identity' as const, ...row }));
}
