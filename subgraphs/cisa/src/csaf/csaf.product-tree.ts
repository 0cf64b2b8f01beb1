import type { VulnerabilityRow } from '../vulnerability/vulnerability.loader';
import type { CsafBranch, CsafProductTree } from './csaf.types';

export type ProductTree = {
  tree: CsafProductTree;
  /** The product id of the KEV entry's vendor and product. */
  productIdOf(vulnerability: VulnerabilityRow): string;
};

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';

// The key of a KEV product: vendor and product as KEV spells them. A control character cannot occur
// in either, so it separates them without ambiguity.
const keyOf = (v: VulnerabilityRow) => `${v.vendorProject}\u0000${v.product}`;

/**
 * Vendor → product branches with one product per distinct KEV (vendor, product), in order of first
 * appearance (the input is ordered by CVE, so the tree is the same on every build). Ids are
 * readable slugs, so a document's ids stay the same when CVEs are added; two names that slug alike
 * get a numbered suffix rather than one id defined twice (mandatory test 6.1.2).
 */
export function buildProductTree(vulnerabilities: VulnerabilityRow[]): ProductTree {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const vendors = new Map<string, Extract<CsafBranch, { category: 'vendor' }>>();

  for (const v of vulnerabilities) {
    const key = keyOf(v);
    if (ids.has(key)) continue;
    const base = `CSAFPID-${slug(v.vendorProject)}-${slug(v.product)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(key, id);

    let vendor = vendors.get(v.vendorProject);
    if (!vendor) {
      vendor = { category: 'vendor', name: v.vendorProject, branches: [] };
      vendors.set(v.vendorProject, vendor);
    }
    vendor.branches.push({
      category: 'product_name',
      name: v.product,
      product: { product_id: id, name: `${v.vendorProject} ${v.product}` },
    });
  }

  return {
    tree: { branches: [...vendors.values()] },
    productIdOf: (v) => {
      const id = ids.get(keyOf(v));
      if (!id) throw new Error(`${v.cveId} is not in the product tree`);
      return id;
    },
  };
}
