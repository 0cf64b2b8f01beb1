import { runMutation, type SubgraphContext } from '@iag/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CisaSchema } from '../db/schema';
import { KevCatalog } from './kev-catalog.type';
import { KevImportResult } from './kev-import-result.type';
import { parseKevCatalog } from './kev.catalog';
import { applyKevCatalog } from './kev.import';
import { latestKevCatalog } from './kev.record';

type Ctx = SubgraphContext<CisaSchema>;

@Resolver()
export class KevResolver {
  // Public, like the catalog itself: which version the entries come from.
  @Query(() => KevCatalog, {
    nullable: true,
    description: 'The newest version of the Known Exploited Vulnerabilities catalog imported (by release date); null before any import.',
  })
  async kevCatalog(@Ctx() ctx: Ctx): Promise<KevCatalog | null> {
    const row = await latestKevCatalog(ctx.db);
    return row && { version: row.version, dateReleased: row.dateReleased, count: row.count, importedAt: row.lastImportedAt, source: row.source };
  }

  // kev:import is granted to US government principals only (requireScope refuses partners).
  @Authorized('kev:import')
  @Mutation(() => KevImportResult, {
    description:
      "Imports a Known Exploited Vulnerabilities catalog (the JSON CISA publishes), checked against the catalog's JSON schema first: new entries are added, changed ones updated. Requests are limited to 1 MB, less than the full catalog: import that with `pnpm import:kev`.",
  })
  async importKevCatalog(@Arg('catalog', () => String) catalogJson: string, @Ctx() ctx: Ctx): Promise<KevImportResult> {
    // Parsed and checked before the transaction: a bad document writes nothing, not even an audit record.
    const catalog = parseKevCatalog(catalogJson);
    const { added, updated, unchanged, catalogVersion } = await runMutation(
      ctx,
      { name: 'importKevCatalog', objectType: 'Vulnerability', input: catalogJson },
      async (tx) => {
        const changes = await applyKevCatalog(tx, catalog, 'mutation');
        const { changedIds, ...result } = changes;
        return { ids: changedIds.length ? changedIds : ['catalog'], ...result };
      },
    );
    return { added, updated, unchanged, catalogVersion };
  }
}
