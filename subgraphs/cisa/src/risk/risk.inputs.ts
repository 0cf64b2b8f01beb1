// Gathers the risk model's inputs for many dependencies at once: one statement for the dependency,
// asset, operator maturity, KEV and threat-product inputs (each aggregated once per asset or per
// sector and country, not per dependency), and one for the cascade sizes. Nothing here runs per row.
import type { Db } from '@iag/kit';
import { rowsOf } from '@iag/kit';
import { sql, type SQL } from '@iag/kit/orm';
import {
  assets,
  dependencies,
  operatorMaturity,
  threatProductCountries,
  threatProducts,
  threatProductSectors,
  vulnerabilities,
  vulnerabilityAssets,
  type CisaSchema,
} from '../db/schema';
import { cascadeSizes } from '../impact/cascade.query';
import type { RiskFactorValue, RiskInputs } from './risk.factors';
import { KEV_DETAIL_IDS, RECENT_THREAT_DAYS } from './risk.weights';

/** Which dependencies to gather: the given ids, else all (only ACTIVE, or only never assessed, if asked). */
export interface RiskScope {
  dependencyIds?: readonly string[];
  onlyActive?: boolean;
  /** Rows whose `risk_factors` is still the insert default `[]`: what a seed has just added. */
  onlyUnassessed?: boolean;
}

/** One dependency's inputs, with what is stored now (to tell whether an assessment changed it). */
export interface DependencyRiskInputs extends RiskInputs {
  id: string;
  assetId: string;
  storedScore: number;
  storedFactors: RiskFactorValue[];
  /** The row's version when read: the write is skipped if an update got in between. */
  version: number;
}

interface Row {
  id: string;
  asset_id: string;
  sector_code: string;
  country_code: string;
  criticality: number;
  substitutability: RiskInputs['substitutability'];
  coupling: RiskInputs['coupling'];
  risk_score: number;
  risk_factors: RiskFactorValue[] | string;
  version: number;
  operator_id: string | null;
  maturity_known: boolean;
  level: number | null;
  assessed_on: string | null;
  kev_count: number;
  kev_ids: string[] | null;
  kev_ransomware: boolean | null;
  recent_threats: number;
}

/** The WHERE clause of a scope, on `dependencies` aliased `d`. */
export function scopeWhere(scope: RiskScope): SQL {
  const terms: SQL[] = [sql`true`];
  if (scope.dependencyIds) terms.push(sql`d.id = any(${sql.param([...scope.dependencyIds])}::text[])`);
  if (scope.onlyActive) terms.push(sql`d.status = 'ACTIVE'`);
  if (scope.onlyUnassessed) terms.push(sql`d.risk_factors = '[]'::jsonb`);
  return sql.join(terms, sql` and `);
}

/**
 * The inputs of every dependency in `scope`, as of `asOf` (threat products count if published in
 * the RECENT_THREAT_DAYS before it). Works inside a transaction: `db` may be one.
 */
export async function gatherRiskInputs(db: Db<CisaSchema>, scope: RiskScope, asOf: Date): Promise<DependencyRiskInputs[]> {
  if (scope.dependencyIds && scope.dependencyIds.length === 0) return [];
  const since = new Date(asOf.getTime() - RECENT_THREAT_DAYS * 86_400_000);
  // KEV and threat counts are computed once per asset and once per (sector, country) pair, then
  // joined: at 100,000 dependencies on 10,000 assets that is 10,000 KEV aggregates, not 100,000.
  const result = await db.execute(sql`
    with d as (
      select d.id, d.asset_id, d.sector_code, d.country_code, d.criticality, d.substitutability, d.coupling,
             d.risk_score, d.risk_factors, d.version
        from ${dependencies} d
       where ${scopeWhere(scope)}
    ),
    kev as (
      select va.asset_id, count(*)::int as kev_count,
             bool_or(v.known_ransomware_campaign_use) as kev_ransomware,
             (array_agg(va.cve_id order by v.date_added desc, va.cve_id desc))[1:${sql.raw(String(KEV_DETAIL_IDS))}] as kev_ids
        from ${vulnerabilityAssets} va
        join ${vulnerabilities} v on v.cve_id = va.cve_id
       where va.asset_id in (select asset_id from d)
       group by va.asset_id
    ),
    threats as (
      select s.sector_code, c.country_code, count(distinct p.id)::int as recent_threats
        from ${threatProducts} p
        join ${threatProductSectors} s on s.product_id = p.id
        join ${threatProductCountries} c on c.product_id = p.id
       where p.status = 'PUBLISHED' and p.published_at > ${since.toISOString()}::timestamptz
         and p.published_at <= ${asOf.toISOString()}::timestamptz
       group by s.sector_code, c.country_code
    )
    select d.*, a.operator_id, (m.organization_id is not null) as maturity_known, m.level, m.assessed_on::text as assessed_on,
           coalesce(kev.kev_count, 0) as kev_count, kev.kev_ids, kev.kev_ransomware,
           coalesce(t.recent_threats, 0) as recent_threats
      from d
      join ${assets} a on a.id = d.asset_id
      left join ${operatorMaturity} m on m.organization_id = a.operator_id
      left join kev on kev.asset_id = d.asset_id
      left join threats t on t.sector_code = d.sector_code and t.country_code = d.country_code
     order by d.id`);
  const rows = rowsOf<Row>(result);
  // All assets at once when the scope is everything (one walk from every origin), else only theirs.
  const someAssets = scope.dependencyIds || scope.onlyUnassessed ? [...new Set(rows.map((r) => r.asset_id))] : undefined;
  const cascades = await cascadeSizes(db, someAssets);
  return rows.map((r) => ({
    id: r.id,
    assetId: r.asset_id,
    sectorCode: r.sector_code,
    countryCode: r.country_code.trim(),
    criticality: Number(r.criticality),
    substitutability: r.substitutability,
    coupling: r.coupling,
    cascade: cascades.get(r.asset_id) ?? 0,
    kevCount: Number(r.kev_count),
    kevIds: r.kev_ids ?? [],
    kevRansomware: r.kev_ransomware === true,
    recentThreats: Number(r.recent_threats),
    operatorId: r.operator_id,
    maturity: r.maturity_known ? { level: r.level == null ? null : Number(r.level), assessedOn: r.assessed_on } : null,
    storedScore: Number(r.risk_score),
    version: Number(r.version),
    storedFactors: typeof r.risk_factors === 'string' ? (JSON.parse(r.risk_factors) as RiskFactorValue[]) : r.risk_factors,
  }));
}
