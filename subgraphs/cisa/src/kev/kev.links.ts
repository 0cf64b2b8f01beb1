import { eq, sql, type SQL } from '@iag/kit/orm';
import { assets, vulnerabilities, vulnerabilityAssets } from '../db/schema';
import type { KevWriter } from './kev.import';

// Both sides are compared normalized: lower case, every run of other characters than letters and
// digits made one space, trimmed. So "PAN-OS" and "pan os" agree, and what remains holds no LIKE
// wildcard (`%` and `_` are neither letters nor digits), so it can be spliced into a pattern as is.
const normalized = (value: SQL) => sql`btrim(regexp_replace(lower(${value}), '[^[:alnum:]]+', ' ', 'g'))`;

/**
 * THE MATCHING RULE (docs/kev.md). An asset runs the technology of a KEV entry when one of its
 * `technologies`, normalized, starts with the entry's vendorProject followed by a space, and the rest
 * of it (the product, e.g. "IOS XE") appears as whole words in the entry's product. So
 * "Cisco IOS XE" matches Cisco's "IOS and IOS XE Software" and "IOS XE Web UI", but not "IOS XR" nor
 * plain "IOS Software"; "Ivanti Connect Secure" matches "Pulse Connect Secure" (its former name);
 * "Microsoft Exchange Server" does not match the vaguer "Exchange". An exact "<vendor> <product>" is
 * the simplest case of the rule. Products are named so differently across the catalog that an exact
 * match alone would miss the most common entries of the demo assets' technologies (Cisco IOS XE,
 * Citrix NetScaler ADC, Ivanti Connect Secure, Siemens SIMATIC).
 */
function matches(assetFilter: SQL) {
  // Matched once per distinct technology name, then joined back to the assets by name: thousands of
  // assets share a few dozen technologies, and the pattern join (every name against every entry)
  // is the expensive part (64 s for 5,000 assets when done per asset, under a second this way).
  return sql`
    with asset_technology as (
      select ${assets.id} as asset_id, ${normalized(sql`t.name`)} as name
      from ${assets} cross join lateral unnest(${assets.technologies}) as t(name)
      where ${assetFilter}
    ), technology as (
      select distinct name from asset_technology
    ), entry as (
      select ${vulnerabilities.cveId} as cve_id, ${normalized(sql`${vulnerabilities.vendorProject}`)} as vendor,
        ${normalized(sql`${vulnerabilities.product}`)} as product
      from ${vulnerabilities}
    ), matched as (
      select entry.cve_id, technology.name
      from technology join entry
        on left(technology.name, length(entry.vendor) + 1) = entry.vendor || ' '
        and ' ' || entry.product || ' ' like '% ' || substr(technology.name, length(entry.vendor) + 2) || ' %'
    )
    select distinct matched.cve_id, asset_technology.asset_id
    from asset_technology join matched on matched.name = asset_technology.name`;
}

// An import and an asset update running at once may both insert the same link: the same fact, so
// the second keeps the first rather than failing its whole transaction on the primary key.
const orKeep = sql`on conflict do nothing`;

/**
 * Rebuilds `vulnerability_assets` for the whole catalog in two statements (a delete and one
 * INSERT … SELECT), inside the caller's import transaction, so the links always agree with the
 * catalog and the assets as they are now.
 */
export async function linkAllVulnerabilityAssets(tx: KevWriter): Promise<void> {
  await tx.delete(vulnerabilityAssets);
  await tx.execute(sql`insert into ${vulnerabilityAssets} (cve_id, asset_id) ${matches(sql`true`)} ${orKeep}`);
}

/** Recomputes one asset's links after its technologies changed, inside the asset mutation's transaction. */
export async function linkAssetVulnerabilities(tx: KevWriter, assetId: string): Promise<void> {
  await tx.delete(vulnerabilityAssets).where(eq(vulnerabilityAssets.assetId, assetId));
  await tx.execute(sql`insert into ${vulnerabilityAssets} (cve_id, asset_id) ${matches(sql`${assets.id} = ${assetId}`)} ${orKeep}`);
}
