import { and, arrayContains, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { requireScope } from '../access';
import type { SubgraphContext } from '../context';
import { BadUserInputError, ForbiddenError } from '../errors';
import { toConnection, toPage } from '../pagination/connection';
import { AuditEntryConnection, AuditLogArgs } from './audit.type';
import { auditLog } from './table';

/**
 * `<subgraph>AuditLog`: the owning agency's auditors read their own subgraph's records. Each
 * subgraph names the field after itself because one root field cannot live in four subgraphs.
 */
export function createAuditLogResolver(subgraph: string, ownerAgency: string) {
  @Resolver()
  class AuditLogResolver {
    @Query(() => AuditEntryConnection, {
      name: `${subgraph}AuditLog`,
      description: `The ${subgraph} subgraph's audit records, newest first: ${ownerAgency} principals with audit:read.`,
    })
    async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: SubgraphContext) {
      requireScope(ctx.principal, 'audit:read');
      if (ctx.principal.agency !== ownerAgency) throw new ForbiddenError(`Only ${ownerAgency} auditors read this log`);
      if (args.since && args.before && args.since >= args.before) {
        throw new BadUserInputError('`since` must be earlier than `before`', 'since');
      }
      const page = toPage(args);
      const filters: (SQL | undefined)[] = [
        args.principal ? eq(auditLog.principalSub, args.principal) : undefined,
        args.operation ? eq(auditLog.operation, args.operation) : undefined,
        args.objectType ? eq(auditLog.objectType, args.objectType) : undefined,
        args.objectId ? arrayContains(auditLog.objectIds, [args.objectId]) : undefined,
        args.since ? gte(auditLog.at, args.since) : undefined,
        args.before ? lt(auditLog.at, args.before) : undefined,
      ];
      const where = and(...filters);
      const rows = await ctx.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(page.limit + 1)
        .offset(page.offset);
      return toConnection(
        rows.map((row) => ({ ...row, id: String(row.id) })),
        page,
        async () => (await ctx.db.select({ total: count() }).from(auditLog).where(where))[0].total,
      );
    }
  }
  return AuditLogResolver;
}
