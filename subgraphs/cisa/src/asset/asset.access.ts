import { hasScope, type Principal } from '@iag/kit';

/**
 * Assets reveal what the US depends on abroad: US government with dependencies:read only, partners
 * never (docs/access.md). The one statement of the rule, for the asset resolvers and for fields on
 * other types that reach assets (e.g. `Vulnerability.affectedAssets`).
 */
export const ASSETS_SCOPE = 'dependencies:read';

/** True when `principal` may see assets; for fields that show only part of their answer otherwise. */
export const canSeeAssets = (principal: Principal) => hasScope(principal, ASSETS_SCOPE);
