// seedScale on real databases (PGlite folders, or PostgreSQL databases with TEST_DATABASE_URL):
// the plan's counts, cross-agency keys that agree, TLP-consistent deliveries, and an idempotent re-run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, parseSubgraphConfig, type Database } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { createTestDatabase, type TestDatabase } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphs } from '../../subgraphs';
import { plannedCounts, seedScale, type ScaleResult } from './index';

const SCALE = 1_000;
const NAMES = ['cisa', 'dhs', 'state', 'partners'];
const env: Record<string, string> = {};
const dropped: TestDatabase[] = [];
let dir: string;
let first: ScaleResult[];

// Opened once per subgraph for the reads (a PGlite folder takes seconds to open), closed before the re-run.
const open = new Map<string, Database<any>>();
async function rows(name: string, query: string): Promise<Record<string, any>[]> {
  let database = open.get(name);
  if (!database) {
    const s = subgraphs.find((x) => x.name === name)!;
    const main = await s.load();
    const config = parseSubgraphConfig(name, s.port, env);
    database = await openDatabase({ schema: main.schema, url: config.databaseUrl, dataDir: config.dataDir });
    open.set(name, database);
  }
  // postgres.js returns the rows as an array, PGlite as `{ rows }`.
  const result: any = await database.db.execute(sql.raw(query));
  return (Array.isArray(result) ? result : result.rows) as Record<string, any>[];
}
async function closeAll() {
  for (const database of open.values()) await database.close();
  open.clear();
}
const ids = async (name: string, query: string) => new Set((await rows(name, query)).map((r) => String(Object.values(r)[0])));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iag-scale-'));
  for (const name of NAMES) {
    const key = name.toUpperCase();
    env[`${key}_DATA_DIR`] = join(dir, name);
    const db = await createTestDatabase(`scale_${name}`);
    dropped.push(db);
    if (db.url) env[`${key}_DATABASE_URL`] = db.url;
  }
  first = await seedScale({ scale: SCALE, env });
}, 300_000);

afterAll(async () => {
  await closeAll();
  for (const db of dropped) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('seedScale', () => {
  it('adds the rows the plan counts', async () => {
    const plan = plannedCounts(SCALE);
    const added = Object.assign({}, ...first.map((r) => r.added));
    expect(added).toEqual(plan);
    const count = async (name: string, table: string) =>
      Number((await rows(name, `select count(*) as n from ${table} where id like 'sx-%'`))[0].n);
    expect(await count('cisa', 'dependencies')).toBe(plan.dependencies);
    expect(await count('partners', 'deliveries')).toBe(plan.deliveries);
    expect(await count('state', 'organizations')).toBe(plan.organizations);
    expect(await count('dhs', 'engagements')).toBe(plan.engagements);
    expect(await count('cisa', 'asset_links')).toBe(plan.assetLinks);
  }, 120_000);

  it('links generated assets with hubs and cycles', async () => {
    const [hub] = await rows('cisa', "select count(*) as n from asset_links where id like 'sx-%' group by depends_on_asset_id order by n desc limit 1");
    expect(Number(hub.n)).toBeGreaterThanOrEqual(10);
    // An asset that reaches itself again along active links: a cycle the impact walk must stop on.
    const cycles = await rows('cisa', `with recursive walk(origin, asset_id, depth) as (
        select depends_on_asset_id, asset_id, 1 from asset_links where id like 'sx-%' and status = 'ACTIVE'
        union
        select w.origin, l.asset_id, w.depth + 1 from walk w join asset_links l on l.depends_on_asset_id = w.asset_id
         where l.status = 'ACTIVE' and w.depth < 6)
      select count(distinct origin) as n from walk where asset_id = origin`);
    expect(Number(cycles[0].n)).toBeGreaterThan(0);
  }, 120_000);

  it('keeps cross-agency keys consistent', async () => {
    const products = await ids('cisa', 'select id from threat_products');
    const organizations = await ids('state', 'select id from organizations');
    const engagements = await ids('dhs', 'select id from engagements');
    const deliveries = await rows('partners', 'select product_id, recipient_id from deliveries');
    for (const d of deliveries) {
      expect(products).toContain(d.product_id);
      expect(organizations).toContain(d.recipient_id);
    }
    for (const op of await ids('cisa', 'select operator_id from assets where operator_id is not null')) expect(organizations).toContain(op);
    for (const e of await ids('cisa', 'select engagement_id from threat_product_engagements')) expect(engagements).toContain(e);
    for (const p of await ids('dhs', 'select organization_id from engagement_partners')) expect(organizations).toContain(p);
    for (const s of await rows('partners', 'select product_id, organization_id from sightings')) {
      expect(products).toContain(s.product_id);
      expect(organizations).toContain(s.organization_id);
    }
    // An asset's country is its operator's.
    const orgCountry = new Map((await rows('state', 'select id, country_code from organizations')).map((o) => [o.id, o.country_code]));
    for (const a of await rows('cisa', "select operator_id, country_code from assets where id like 'sx-%' and operator_id is not null")) {
      expect(a.country_code).toBe(orgCountry.get(a.operator_id));
    }
  }, 120_000);

  it('delivers products only with their TLP, to their audience, after publication', async () => {
    const products = new Map(
      (await rows('cisa', "select id, tlp, status, published_at, audience_organizations from threat_products where id like 'sx-%'")).map((p) => [p.id, p]),
    );
    const deliveries = await rows('partners', "select product_id, recipient_id, tlp, delivered_at, recipient_individual from deliveries where id like 'sx-%'");
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) {
      const p = products.get(d.product_id)!;
      expect(d.tlp).toBe(p.tlp);
      expect(p.status).not.toBe('DRAFT');
      expect(new Date(d.delivered_at).getTime()).toBeGreaterThan(new Date(p.published_at).getTime());
      const audience: string[] = Array.isArray(p.audience_organizations) ? p.audience_organizations : String(p.audience_organizations).replace(/[{}]/g, '').split(',');
      if (p.tlp === 'AMBER' || p.tlp === 'AMBER_STRICT') expect(audience).toContain(d.recipient_id);
      if (p.tlp === 'RED') expect(d.recipient_individual).toMatch(new RegExp(`^${d.recipient_id}:`));
    }
    // The demo personas' organizations see some generated AMBER products.
    expect(deliveries.some((d) => d.recipient_id === 'nl-ncsc' && products.get(d.product_id)!.tlp === 'AMBER')).toBe(true);
  }, 120_000);

  it('adds nothing on a second run with the same n', async () => {
    await closeAll();
    const second = await seedScale({ scale: SCALE, env });
    for (const r of second) expect(Object.values(r.added).every((v) => v === 0), r.subgraph).toBe(true);
  }, 300_000);
});
