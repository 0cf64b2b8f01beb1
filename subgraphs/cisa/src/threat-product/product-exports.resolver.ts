import type { SubgraphContext } from '@iag/kit';
import { JSONObjectResolver } from 'graphql-scalars';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toCsafDocument } from '../csaf/csaf.document';
import type { CisaSchema } from '../db/schema';
import { gatherProductExport } from '../exports/product-export.read';
import { toStixBundle } from '../stix/stix.bundle';
import type { ThreatProductRow } from './threat-product.loader';
import { ThreatProduct } from './threat-product.type';

type Ctx = SubgraphContext<CisaSchema>;

/**
 * The product in the partners' standard formats. A product reaches these fields only once the
 * caller may see it (lists filter in SQL, single lookups refuse), so they need no rule of their own.
 */
@Resolver(() => ThreatProduct)
export class ThreatProductExportsResolver {
  @FieldResolver(() => JSONObjectResolver, {
    description:
      'The product as a STIX 2.1 bundle: a report with its indicators, vulnerabilities and courses of action, the authoring identity and the TLP 2.0 marking definitions. Ids are stable across exports. Also at GET /threat-products/{id}/stix.',
  })
  async stixBundle(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    return toStixBundle(await gatherProductExport(ctx, product as unknown as ThreatProductRow));
  }

  @FieldResolver(() => JSONObjectResolver, {
    description:
      'The product as a CSAF 2.0 document (a security advisory when it covers vulnerabilities, else an informational advisory), its TLP in `document.distribution`. Also at GET /threat-products/{id}/csaf.',
  })
  async csafDocument(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    return toCsafDocument(await gatherProductExport(ctx, product as unknown as ThreatProductRow));
  }
}
