import type { personas } from '../gateway/src/auth/personas';
import type { DemoProduct } from '../subgraphs/cisa/src/seed-threat-intel/data/demo-product';

type Persona = (typeof personas)[string];

/**
 * docs/access.md's product rule, written once more from its table as the tests' oracle: the
 * subgraph's SQL must agree with this independent reading, so it is not derived from that code.
 */
export function mayRead(p: Persona, product: DemoProduct): boolean {
  const authors = product.authors ?? ['cisa:analyst-1'];
  if (p.sub !== undefined && authors.includes(p.sub)) return true;
  const orgInAudience = p.organizationId !== undefined && (product.organizations ?? []).includes(p.organizationId);
  // A draft is for its authoring agency only, and its marking still applies within the agency.
  if (product.status === 'DRAFT' && !(p.kind === 'US_GOVERNMENT' && p.agency === 'CISA')) return false;
  switch (product.tlp) {
    case 'CLEAR':
      return true;
    case 'GREEN':
      return p.kind !== 'ANONYMOUS';
    case 'AMBER':
      return p.kind === 'US_GOVERNMENT' || orgInAudience;
    case 'AMBER_STRICT':
      return orgInAudience || (p.kind === 'US_GOVERNMENT' && p.agency === 'CISA');
    case 'RED':
      return p.sub !== undefined && (product.individuals ?? []).includes(p.sub);
  }
  return false;
}
