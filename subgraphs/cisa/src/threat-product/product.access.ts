import { ForbiddenError, UnauthenticatedError, type SubgraphContext } from '@iag/kit';
import type { CisaSchema } from '../db/schema';
import type { ThreatProductLookup, ThreatProductRow } from './threat-product.loader';

/**
 * The refusal on single-object paths (root fields, `_entities`): a product that exists but that the
 * caller may not see is an error, not a silent null, so clients can tell "ask for access" from "no
 * such product". Missing products are the caller's business (NOT_FOUND or null) and pass through.
 */
export function admitProduct(ctx: SubgraphContext<CisaSchema>, found: ThreatProductLookup | null): ThreatProductRow | null {
  if (!found) return null;
  if (found.visible) return found.row;
  // Anonymous callers see only released CLEAR products, so for them signing in is what might help.
  if (ctx.principal.kind === 'ANONYMOUS') throw new UnauthenticatedError('Sign in to see this threat product');
  throw new ForbiddenError('Your access does not include this threat product');
}
