import type { SubgraphContext } from '@iag/kit';
import type { ThreatProductRow } from '../threat-product/threat-product.loader';
import {
  countryCodesByProductLoader,
  revisionsByProductLoader,
  sectorCodesByProductLoader,
} from '../threat-product/threat-product.loader';
import { vulnerabilitiesByProductLoader } from '../vulnerability/vulnerability.loader';
import type { CisaSchema } from '../db/schema';
import type { ProductExport } from './product-export';

/**
 * Gathers what the exports need about a product the caller may already see. Each part comes from a
 * per-request DataLoader, so exporting a page of products costs four statements, not four per product.
 */
export async function gatherProductExport(ctx: SubgraphContext<CisaSchema>, product: ThreatProductRow): Promise<ProductExport> {
  const [revisions, vulnerabilities, sectors, countries] = await Promise.all([
    revisionsByProductLoader(ctx).load(product.id),
    vulnerabilitiesByProductLoader(ctx).load(product.id),
    sectorCodesByProductLoader(ctx).load(product.id),
    countryCodesByProductLoader(ctx).load(product.id),
  ]);
  return { product, revisions, vulnerabilities, sectors: [...sectors].sort(), countries: [...countries].sort() };
}
