import { toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { and, asc, count, desc, eq } from '@iag/kit/orm';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { dependencies, type CisaSchema } from '../db/schema';
import { DependencyConnection } from '../dependency/dependency.connection';
import { PrioritizedDependenciesArgs, RiskMovementsArgs } from './risk.args';
import { listRiskMovements } from './risk-movements.query';
import { RiskMovementConnection } from './risk.type';

type Ctx = SubgraphContext<CisaSchema>;

// The same rule as every dependency list: US government with dependencies:read only.
const SCOPE = 'dependencies:read';

@Resolver()
export class RiskQueryResolver {
  @Authorized(SCOPE)
  @Query(() => DependencyConnection, {
    description: 'Active dependencies to act on first: highest risk score, then highest criticality, then id.',
  })
  async prioritizedDependencies(@Args(() => PrioritizedDependenciesArgs) args: PrioritizedDependenciesArgs, @Ctx() ctx: Ctx) {
    const page = toPage(args);
    // Served by dependencies_risk_idx, or the country/sector risk indexes when filtered.
    const where = and(
      eq(dependencies.status, 'ACTIVE'),
      args.country ? eq(dependencies.countryCode, args.country.toUpperCase()) : undefined,
      args.sector ? eq(dependencies.sectorCode, args.sector) : undefined,
    );
    const rows = await ctx.db
      .select()
      .from(dependencies)
      .where(where)
      .orderBy(desc(dependencies.riskScore), desc(dependencies.criticality), asc(dependencies.id))
      .limit(page.limit + 1)
      .offset(page.offset);
    return toConnection(rows, page, async () => (await ctx.db.select({ total: count() }).from(dependencies).where(where))[0].total);
  }

  @Authorized(SCOPE)
  @Query(() => RiskMovementConnection, {
    description: 'Active dependencies whose risk score changed since a date, largest change first, with the factors that moved.',
  })
  riskMovements(@Args(() => RiskMovementsArgs) args: RiskMovementsArgs, @Ctx() ctx: Ctx) {
    return listRiskMovements(ctx, args);
  }
}
