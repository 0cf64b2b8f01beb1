// `riskMovements`: which dependencies' scores moved since a date, and which factors moved them,
// computed in one statement over dependency_risk_history (plus one batched load of the dependencies).
import { rowsOf, toConnection, toPage, type SubgraphContext } from '@iag/kit';
import { sql, type SQL } from '@iag/kit/orm';
import { dependencies, dependencyRiskHistory, type CisaSchema } from '../db/schema';
import { dependencyLoader } from '../dependency/dependency.loader';
import type { RiskMovementsArgs } from './risk.args';
import type { RiskFactorValue } from './risk.factors';
import { visibleFactors } from './risk.access';

interface MovementRow {
  id: string;
  score_now: number;
  priority_now: string;
  factors_now: RiskFactorValue[] | string;
  score_then: number | null;
  priority_then: string | null;
  factors_then: RiskFactorValue[] | string | null;
  total: number;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Factors whose contribution differs between two assessments (`then` null: all of them, from nothing). */
export function factorChanges(then: RiskFactorValue[] | null, now: RiskFactorValue[]) {
  const before = new Map((then ?? []).map((f) => [f.factor, f.contribution]));
  return now
    .map((f) => {
      const contributionThen = then ? (before.get(f.factor) ?? 0) : null;
      const change = round1(f.contribution - (contributionThen ?? 0));
      return { factor: f.factor, contributionThen, contributionNow: f.contribution, change };
    })
    .filter((c) => c.contributionThen === null || c.change !== 0);
}

function movementsSql(args: RiskMovementsArgs, tail: SQL): SQL {
  const since = args.since.toISOString();
  const filters: SQL[] = [sql`d.status = 'ACTIVE'`];
  if (args.country) filters.push(sql`d.country_code = ${args.country.toUpperCase()}`);
  if (args.sector) filters.push(sql`d.sector_code = ${args.sector}`);
  // Only dependencies with an assessment after `since` can have moved: the assessed_at index finds
  // them, and only for those is the score at `since` looked up (one index probe each).
  return sql`
    with moved as (
      select distinct dependency_id from ${dependencyRiskHistory} where assessed_at > ${since}::timestamptz
    ),
    m as (
      select d.id, d.risk_score as score_now, d.priority::text as priority_now, d.risk_factors as factors_now,
             t.risk_score as score_then, t.priority::text as priority_then, t.risk_factors as factors_then
        from moved
        join ${dependencies} d on d.id = moved.dependency_id
        left join lateral (
          select h.risk_score, h.priority, h.risk_factors
            from ${dependencyRiskHistory} h
           where h.dependency_id = d.id and h.assessed_at <= ${since}::timestamptz
           order by h.assessed_at desc, h.id desc
           limit 1
        ) t on true
       where ${sql.join(filters, sql` and `)}
    )
    select m.*, count(*) over ()::int as total from m
     where m.score_then is null or m.score_then <> m.score_now
    ${tail}`;
}

/** One page of movements, largest absolute change first (ties by id). */
export async function listRiskMovements(ctx: SubgraphContext<CisaSchema>, args: RiskMovementsArgs) {
  const page = toPage(args);
  const rows = rowsOf<MovementRow>(
    await ctx.db.execute(
      movementsSql(
        args,
        sql`order by abs(m.score_now - coalesce(m.score_then, 0)) desc, m.id limit ${page.limit + 1} offset ${page.offset}`,
      ),
    ),
  );
  const deps = await dependencyLoader(ctx).loadMany(rows.map((r) => r.id));
  const nodes = rows.map((r, k) => {
    const scoreNow = Number(r.score_now);
    const scoreThen = r.score_then == null ? null : Number(r.score_then);
    const now = visibleFactors(json(r.factors_now), ctx.principal);
    const then = r.factors_then == null ? null : json<RiskFactorValue[]>(r.factors_then);
    return {
      dependency: deps[k],
      scoreThen,
      scoreNow,
      change: round1(scoreNow - (scoreThen ?? 0)),
      priorityThen: r.priority_then,
      priorityNow: r.priority_now,
      factorChanges: factorChanges(then, now),
    };
  });
  const total = async () => {
    if (rows.length) return Number(rows[0].total);
    if (page.offset === 0) return 0;
    return Number(rowsOf<MovementRow>(await ctx.db.execute(movementsSql(args, sql`limit 1`)))[0]?.total ?? 0);
  };
  return toConnection(nodes, page, total);
}
