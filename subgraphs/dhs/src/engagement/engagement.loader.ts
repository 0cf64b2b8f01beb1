import {
  DataLoader,
  byKey,
  pagesByParent,
  toPage,
  type Connection,
  type PageArgs,
  type SubgraphContext,
} from '@iag/kit';
import { and, eq, getTableColumns, inArray } from '@iag/kit/orm';
import type { CountryEngagementsArgs } from '../country/country.args';
import { engagementPartners, engagements, engagementSectors, type DhsSchema } from '../db/schema';
import { pagesByLink } from '../pagination/by-link';
import { engagementOrder } from './engagement.query';
import { engagementVisibleColumn, visibleEngagements } from './engagement.visibility';

export type EngagementRow = typeof engagements.$inferSelect;
/** A row looked up by id, with whether the caller may see it (the visibility rule, computed in SQL). */
export type CheckedEngagementRow = EngagementRow & { visible: boolean };
type Ctx = SubgraphContext<DhsSchema>;
type Pages = DataLoader<string, Connection<EngagementRow>>;

/**
 * Engagements by id, hidden ones included but marked `visible: false`: single-object paths must tell
 * a hidden engagement (FORBIDDEN) from a missing one. Every caller must check `visible` before
 * returning the row; lists never use this loader.
 */
export function engagementLoader(ctx: Ctx) {
  return ctx.loaders.get('engagement', () =>
    new DataLoader<string, CheckedEngagementRow | null>(async (ids) => {
      const rows = await ctx.db
        .select({ ...getTableColumns(engagements), visible: engagementVisibleColumn(ctx) })
        .from(engagements)
        .where(inArray(engagements.id, [...ids]));
      return byKey(ids, rows, (row) => row.id);
    }),
  );
}

// One loader per distinct page and filter: parents asking for the same page batch together, and
// `engagements(first: 3)` beside `engagements(first: 10)` in one request do not share results.
const loaderName = (kind: string, args: object) => `${kind}:${JSON.stringify(args)}`;

/** A page of each country's engagements, for many countries in one statement. */
export function engagementsByCountryLoader(ctx: Ctx, args: CountryEngagementsArgs): Pages {
  const page = toPage(args);
  const status = args.status ?? null;
  return ctx.loaders.get(loaderName('engagementsByCountry', { page, status }), () =>
    new DataLoader((codes: readonly string[]) =>
      pagesByParent({
        db: ctx.db,
        table: engagements,
        parent: engagements.countryCode,
        parentKeys: codes,
        where: and(visibleEngagements(ctx), status ? eq(engagements.status, status) : undefined),
        orderBy: engagementOrder,
        page,
      }),
    ),
  );
}

/** A page of the engagements each organization takes part in, for many organizations in one statement. */
export function engagementsByOrganizationLoader(ctx: Ctx, args: PageArgs): Pages {
  const page = toPage(args);
  return ctx.loaders.get(loaderName('engagementsByOrganization', { page }), () =>
    new DataLoader((organizationIds: readonly string[]) =>
      pagesByLink({
        db: ctx.db,
        table: engagements,
        link: engagementPartners,
        on: eq(engagements.id, engagementPartners.engagementId),
        parent: engagementPartners.organizationId,
        parentKeys: organizationIds,
        where: visibleEngagements(ctx),
        orderBy: engagementOrder,
        page,
      }),
    ),
  );
}

/** A page of the engagements concerning each sector, for many sectors in one statement. */
export function engagementsBySectorLoader(ctx: Ctx, args: PageArgs): Pages {
  const page = toPage(args);
  return ctx.loaders.get(loaderName('engagementsBySector', { page }), () =>
    new DataLoader((sectorCodes: readonly string[]) =>
      pagesByLink({
        db: ctx.db,
        table: engagements,
        link: engagementSectors,
        on: eq(engagements.id, engagementSectors.engagementId),
        parent: engagementSectors.sectorCode,
        parentKeys: sectorCodes,
        where: visibleEngagements(ctx),
        orderBy: engagementOrder,
        page,
      }),
    ),
  );
}
