// docs/queries.md, run as written: every question's query is sent through the gateway as the
// persona the doc names, with a real token, and its answer is checked against the demo seed. The
// expected values are derived from the seed data (docs/demo-data.md), never from a past answer.
// QUERIES_DUMP=1 prints every answer, to refresh the doc's abbreviated ones after a seed change.
import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { provisionalRisk } from '../subgraphs/cisa/src/risk/risk.factors';
import { buildDemoInfrastructure } from '../subgraphs/cisa/src/seed-infrastructure/demo';
import type { DemoProduct } from '../subgraphs/cisa/src/seed-threat-intel/data/demo-product';
import { demoProducts } from '../subgraphs/cisa/src/seed-threat-intel/demo-products';
import { demoEngagements } from '../subgraphs/dhs/src/seed/data/engagements';
import { demoDeliveries } from '../subgraphs/partners/src/seed/data/deliveries';
import { demoMaturityAssessments } from '../subgraphs/partners/src/seed/data/maturity-assessments';
import { demoSightings } from '../subgraphs/partners/src/seed/data/sightings';
import { demoAgreements } from '../subgraphs/state/src/seed/data/agreements';
import countries from '../subgraphs/state/src/seed/data/countries.json' with { type: 'json' };
import { demoOrganizations } from '../subgraphs/state/src/seed/data/organizations';
import { startHub, type Hub } from './hub';
import { mayRead } from './tlp-oracle';

const DOC = new URL('../docs/queries.md', import.meta.url);

/** One question of the doc, as the test reads it. */
interface Question {
  title: string;
  persona: string;
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  /** `extensions.code`s the doc says the answer carries (empty: none may). */
  expectedErrors: string[];
}

const FENCE = /^```(\w*)\s*$/;

/**
 * Reads every `### ` question: the `*Ask as:*` line right above its one `graphql` block, the `json`
 * block right after it when labelled `Variables:`, and any `*Expected error:*` codes. Anything out
 * of shape throws, so a malformed question fails the suite instead of being skipped.
 */
function parseQuestions(markdown: string): Question[] {
  const sections = markdown.split(/^### /m).slice(1);
  return sections.map((section) => {
    const lines = section.split('\n');
    const title = lines[0].trim();
    const blocks: { lang: string; start: number; body: string }[] = [];
    for (let i = 1; i < lines.length; i++) {
      const open = FENCE.exec(lines[i]);
      if (!open || !open[1]) continue;
      const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
      if (end < 0) throw new Error(`"${title}": unclosed ${open[1]} block`);
      blocks.push({ lang: open[1], start: i, body: lines.slice(i + 1, end).join('\n') });
      i = end;
    }
    const graphqlBlocks = blocks.filter((b) => b.lang === 'graphql');
    if (graphqlBlocks.length !== 1) throw new Error(`"${title}": ${graphqlBlocks.length} graphql blocks, want 1`);
    const gql = graphqlBlocks[0];
    const asLine = /^\*Ask as:\*\s+`([a-z-]+)`\s*$/.exec(lines[gql.start - 1] ?? '');
    if (!asLine) throw new Error(`"${title}": no "*Ask as:* \`persona\`" line right above the query`);
    const expectedErrors = [...section.matchAll(/^\*Expected error:\*\s+`([A-Z_]+)`/gm)].map((m) => m[1]);
    const next = blocks[blocks.indexOf(gql) + 1];
    const labelled = next && lines.slice(gql.start, next.start).reverse().find((l) => l.trim() && !FENCE.test(l));
    const variables = next?.lang === 'json' && labelled?.trim() === 'Variables:' ? JSON.parse(next.body) : undefined;
    const operations = parse(gql.body).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length !== 1 || !operations[0].name) throw new Error(`"${title}": want exactly one named operation`);
    return { title, persona: asLine[1], operationName: operations[0].name.value, query: gql.body, variables, expectedErrors };
  });
}

const questions = parseQuestions(readFileSync(DOC, 'utf8'));

// ---------------------------------------------------------------------------------------------
// The seed, as the oracle.

const infrastructure = buildDemoInfrastructure();
const activeDependencies = infrastructure.dependencies.filter((d) => d.status === 'ACTIVE');
const assetById = new Map(infrastructure.assets.map((a) => [a.id, a]));
const productById = new Map(demoProducts.map((p) => [p.id, p]));
const orgById = new Map(demoOrganizations.map((o) => [o.id, o]));


const sorted = <T>(items: Iterable<T>) => [...items].sort();
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);
/** Engagements running on some day of [from, to], as the register's window filter means it. */
const runsDuring = (e: (typeof demoEngagements)[number], from: string, to: string) =>
  e.startsOn <= to && (e.endsOn == null || e.endsOn >= from);
const orgIdsIn = (countryCode: string) =>
  sorted(demoOrganizations.filter((o) => o.countryCode === countryCode).map((o) => o.id));
const latestAssessment = (organizationId: string) =>
  demoMaturityAssessments
    .filter((m) => m.organizationId === organizationId)
    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];

/** The question as asked, and a way to ask it again (the next page). */
interface Ask {
  variables: Record<string, any>;
  run(variables?: Record<string, unknown>): Promise<any>;
}

// One expectation per operation name: what the answer means, checked against the seed. They read
// the doc's variables, so that an answer is checked for the question actually asked.
const expectations: Record<string, (data: any, ask: Ask) => void | Promise<void>> = {
  CountryBrief(data, { variables }) {
    const code: string = variables.code;
    const country = data.country;
    expect(country.name).toBe(countries.find((c) => c.code === code)!.name);
    expect(sorted(country.organizations.map((o: any) => o.id))).toEqual(orgIdsIn(code));
    for (const org of country.organizations) {
      const latest = latestAssessment(org.id);
      expect(org.maturity && { level: org.maturity.level, assessedOn: org.maturity.assessedOn }, org.id).toEqual(
        latest ? { level: latest.level, assessedOn: latest.assessedOn } : null,
      );
    }
    const inCountry = demoEngagements.filter((e) => e.countryCode === code);
    expect(country.engagements.totalCount).toBe(inCountry.length);
    const latestFirst = [...inCountry].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    expect(nodes(country.engagements).map((e: any) => e.id)).toEqual(latestFirst.slice(0, 3).map((e) => e.id));
    const dependencies = activeDependencies.filter((d) => d.countryCode === code);
    expect(country.dependencies.totalCount).toBe(dependencies.length);
    const topRisk = Math.max(...dependencies.map((d) => d.riskScore!));
    expect(nodes(country.dependencies)[0].criticality).toBe(dependencies.find((d) => d.riskScore === topRisk)!.criticality);
    const products = demoProducts.filter((p) => p.countries.includes(code) && mayRead(personas['cisa-analyst'], p));
    expect(country.threatProducts.totalCount).toBe(products.length);
    for (const product of nodes(country.threatProducts)) {
      const seeded = demoProducts.find((p) => p.trackingId === product.trackingId)!;
      expect(seeded.countries).toContain(code);
      expect(sorted(product.deliveries.map((d: any) => d.recipient.acronym))).toEqual(
        sorted(demoDeliveries.filter((d) => d.productId === seeded.id).map((d) => orgById.get(d.recipientId)!.acronym)),
      );
    }
  },

  NoSubstitute(data) {
    for (const [alias, country] of [['taiwan', 'TW'], ['japan', 'JP']] as const) {
      const expected = activeDependencies.filter((d) => d.countryCode === country && d.substitutability === 'NONE');
      expect(expected.length).toBeGreaterThan(0);
      expect(data[alias].totalCount).toBe(expected.length);
      const none = nodes(data[alias]);
      expect(sorted(none.map((d: any) => d.id))).toEqual(sorted(expected.map((d) => d.id)));
      // Exactly the fabs, highest risk first, each with at least the full local part of its score
      // (criticality, no substitute, coupling); the measured factors (docs/risk.md) only add to it.
      const scores = none.map((d: any) => d.riskScore as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const d of none) {
        expect(d.substitutability).toBe('NONE');
        expect(d.asset.kind).toBe('SEMICONDUCTOR_FAB');
        expect(d.riskScore).toBeGreaterThanOrEqual(provisionalRisk(expected.find((e) => e.id === d.id)! as never).riskScore);
      }
    }
  },

  Acknowledgements(data, { variables }) {
    const product = data.threatProductByTrackingId;
    const seeded = demoProducts.find((p) => p.trackingId === variables.trackingId)!;
    const deliveries = demoDeliveries.filter((d) => d.productId === seeded.id);
    const acked = (yes: boolean) =>
      sorted(deliveries.filter((d) => (d.acknowledgedAt != null) === yes).map((d) => d.recipientId));
    const answered = (yes: boolean) =>
      sorted(product.deliveries.filter((d: any) => (d.acknowledgedAt != null) === yes).map((d: any) => d.recipient.id));
    expect(answered(true)).toEqual(acked(true));
    expect(answered(false)).toEqual(acked(false));
    // The question is worth asking of this product: some acknowledged, some not yet.
    expect(acked(true).length).toBeGreaterThan(0);
    expect(acked(false).length).toBeGreaterThan(0);
    for (const d of product.deliveries) expect(d.acknowledgedBy == null).toBe(d.acknowledgedAt == null);
  },

  Overlaps(data) {
    const windows = {
      northSeaPorts: ['NL', '2026-11-16', '2026-12-04'],
      ukraineWiper: ['UA', '2026-11-10', '2026-11-28'],
    } as const;
    for (const [alias, [country, from, to]] of Object.entries(windows)) {
      const expected = demoEngagements.filter((e) => e.countryCode === country && runsDuring(e, from, to));
      const answered = nodes(data[alias]);
      expect(sorted(answered.map((e: any) => e.id))).toEqual(sorted(expected.map((e) => e.id)));
      // An overlap worth deconflicting: more than one lead agency, with a partner in common.
      expect(new Set(answered.map((e: any) => e.leadAgency)).size).toBeGreaterThan(1);
      const partnerSets = answered.map((e: any) => new Set(e.partnerOrganizations.map((o: any) => o.id)));
      expect([...partnerSets[0]].some((id) => partnerSets.slice(1).every((s: Set<unknown>) => s.has(id)))).toBe(true);
    }
  },

  KevBySector(data) {
    expect(data.sectors).toHaveLength(16);
    const analyst = personas['cisa-analyst'];
    for (const sector of data.sectors) {
      const expected = new Set(
        demoProducts.filter((p) => p.sectors.includes(sector.code) && mayRead(analyst, p)).flatMap((p) => p.cves),
      );
      const answered = new Set(nodes(sector.threatProducts).flatMap((p: any) => p.vulnerabilities.map((v: any) => v.cveId)));
      expect(sorted(answered), sector.code).toEqual(sorted(expected));
    }
    const energy = data.sectors.find((s: any) => s.code === 'ENERGY');
    expect(nodes(energy.threatProducts).length).toBeGreaterThan(0);
  },

  KevReach(data, { variables }) {
    const v = data.vulnerability;
    expect(v.cveId).toBe(variables.cveId);
    const covering = demoProducts.filter((p) => p.cves.includes(variables.cveId) && mayRead(personas['cisa-analyst'], p));
    expect(covering.length).toBeGreaterThan(1);
    expect(sorted(v.threatProducts.map((p: any) => p.trackingId))).toEqual(sorted(covering.map((p) => p.trackingId)));
    expect(sorted(new Set(v.threatProducts.flatMap((p: any) => p.sectors.map((s: any) => s.code))))).toEqual(
      sorted(new Set(covering.flatMap((p) => p.sectors))),
    );
    expect(sorted(new Set(v.threatProducts.flatMap((p: any) => p.countries.map((c: any) => c.code))))).toEqual(
      sorted(new Set(covering.flatMap((p) => p.countries))),
    );
  },

  async SectorProducts(data, { variables, run }) {
    const partnerDe = personas['partner-de'];
    const ofSector = demoProducts.filter((p) => p.sectors.includes(variables.sector));
    const expected = ofSector.filter((p) => mayRead(partnerDe, p));
    expect(data.sector.threatProducts.totalCount).toBe(expected.length);
    // Walk the pages with `after` and compare the union with the seed.
    const seen = nodes(data.sector.threatProducts).map((p: any) => p.trackingId);
    let page = data.sector.threatProducts;
    expect(page.pageInfo.hasNextPage).toBe(expected.length > variables.first);
    while (page.pageInfo.hasNextPage) {
      page = (await run({ ...variables, after: page.pageInfo.endCursor })).sector.threatProducts;
      seen.push(...nodes(page).map((p: any) => p.trackingId));
    }
    expect(seen).toHaveLength(new Set(seen).size);
    expect(sorted(seen)).toEqual(sorted(expected.map((p) => p.trackingId)));
    // TLP at work: restricted products addressed to CERT-Bund are there, others' are not.
    const restricted = ofSector.filter((p) => p.tlp === 'AMBER' || p.tlp === 'AMBER_STRICT');
    expect(restricted.some((p) => seen.includes(p.trackingId))).toBe(true);
    expect(restricted.some((p) => !seen.includes(p.trackingId))).toBe(true);
  },

  OurFeed(data) {
    const expected = demoDeliveries.filter((d) => d.recipientId === 'nl-ncsc');
    expect(data.deliveries.totalCount).toBe(expected.length);
    const answered = nodes(data.deliveries);
    expect(sorted(answered.map((d: any) => d.id))).toEqual(sorted(expected.map((d) => d.id)));
    expect(sorted(answered.filter((d: any) => d.acknowledgedAt == null).map((d: any) => d.id))).toEqual(['dlv-tp30-nl-ncsc']);
    for (const d of answered) {
      const seeded = productById.get(expected.find((e) => e.id === d.id)!.productId)!;
      expect(d.product.trackingId).toBe(seeded.trackingId);
      expect(d.tlp).toBe(seeded.tlp);
    }
    expect(answered.find((d: any) => d.tlp === 'RED').recipientIndividual).toBe('nl-ncsc:duty-officer');
    expect(answered.map((d: any) => d.tlp)).toEqual(expect.arrayContaining(['AMBER', 'AMBER_STRICT', 'RED']));
  },

  NotOurs(data) {
    expect(mayRead(personas['partner-de'], productById.get('tp-23')!)).toBe(false);
    expect(data.onlyForNcscNl).toBeNull();
    expect(data.sharedWithUs.trackingId).toBe(productById.get('tp-24')!.trackingId);
    expect(sorted(data.sharedWithUs.audience.organizations.map((o: any) => o.acronym))).toEqual(['CERT-Bund', 'NCSC-NL']);
  },

  PartnerSightings(data, { variables }) {
    const expected = demoSightings.filter((s) => s.kind === variables.kind);
    expect(data.sightings.totalCount).toBe(expected.length);
    const answered = nodes(data.sightings);
    expect(sorted(answered.map((s: any) => s.id))).toEqual(sorted(expected.map((s) => s.id)));
    const byReport = [...expected].sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime());
    expect(answered.map((s: any) => s.id)).toEqual(byReport.map((s) => s.id));
    for (const s of answered) {
      const seeded = expected.find((e) => e.id === s.id)!;
      expect(s.indicatorValue).toBe(seeded.indicatorValue);
      expect(s.organization.country.code).toBe(orgById.get(seeded.organizationId)!.countryCode);
      expect(s.product.trackingId).toBe(productById.get(seeded.productId)!.trackingId);
    }
  },

  CountryMaturity(data, { variables }) {
    const orgs = data.country.organizations;
    expect(sorted(orgs.map((o: any) => o.id))).toEqual(orgIdsIn(variables.code));
    for (const org of orgs) {
      const history = demoMaturityAssessments
        .filter((m) => m.organizationId === org.id)
        .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn));
      expect(org.maturityHistory.map((m: any) => [m.level, m.assessedOn])).toEqual(history.map((m) => [m.level, m.assessedOn]));
      expect(org.maturity?.level ?? null).toBe(history[0]?.level ?? null);
    }
  },

  CountryAgreements(data, { variables }) {
    const jpOrgs = new Set(demoOrganizations.filter((o) => o.countryCode === variables.country).map((o) => o.id));
    const expected = demoAgreements.filter((a) => a.parties.some((p) => jpOrgs.has(p)));
    expect(data.agreements.totalCount).toBe(expected.length);
    for (const agreement of nodes(data.agreements)) {
      const seeded = expected.find((a) => a.id === agreement.id)!;
      expect(seeded, agreement.id).toBeDefined();
      expect(agreement.status).toBe(seeded.status);
      expect(agreement.maxTlp).toBe(seeded.maxTlp);
      expect(sorted(agreement.engagements.map((e: any) => e.id))).toEqual(sorted(seeded.engagements));
      expect(agreement.parties.map((p: any) => p.acronym)).toEqual(
        expect.arrayContaining(seeded.parties.map((id) => orgById.get(id)!.acronym)),
      );
    }
    expect(sorted(nodes(data.agreements).map((a: any) => a.id))).toEqual(sorted(expected.map((a) => a.id)));
  },

  DisseminationBacklog(data) {
    // The demo deliveries were seeded straight into Partners: nothing ever went through the outbox.
    expect(data.disseminationStatus).toEqual({
      pending: 0,
      failing: 0,
      oldestPendingAt: null,
      lagSeconds: 0,
      dispatched: 0,
      lastError: null,
    });
    const expected = demoDeliveries.filter((d) => d.acknowledgedAt == null);
    expect(data.unacknowledged.totalCount).toBe(expected.length);
    expect(sorted(nodes(data.unacknowledged).map((d: any) => d.id))).toEqual(sorted(expected.map((d) => d.id)));
  },

  ProductReaders(data, { variables }) {
    // Who read what depends on the questions before this one; the doc explains it for tp-34.
    expect(variables).toEqual({ objectId: 'tp-34' });
    expect(productById.get('tp-34')!.tlp).toBe('AMBER_STRICT');
    const entries = nodes(data.cisaAuditLog);
    expect(data.cisaAuditLog.totalCount).toBe(entries.length);
    const readers = new Set(entries.map((e: any) => e.principalSub));
    // NCSC-NL read it in its feed, the CISA analyst in the country brief; CERT-Bund never could.
    expect(readers).toContain('nl-ncsc:duty-officer');
    expect(readers).toContain('cisa:analyst-1');
    expect(readers).not.toContain('de-cert-bund:analyst-2');
    for (const e of entries) expect(e.objectType).toBe('ThreatProduct');
    const partnerRead = entries.find((e: any) => e.principalSub === 'nl-ncsc:duty-officer');
    expect(partnerRead).toMatchObject({ principalKind: 'PARTNER', principalOrganization: 'nl-ncsc' });
  },

  OperatorExposure(data, { variables }) {
    const org = data.organization;
    const seededOrg = orgById.get(variables.id)!;
    expect(org.country.name).toBe(countries.find((c) => c.code === seededOrg.countryCode)!.name);
    expect(nodes(org.engagements).map((e: any) => e.id)).toEqual(
      demoEngagements.filter((e) => e.partners.includes(variables.id)).map((e) => e.id),
    );
    const assets = infrastructure.assets.filter((a) => a.operatorId === variables.id);
    expect(assets.length).toBeGreaterThan(0);
    expect(sorted(org.operatedAssets.map((a: any) => a.name))).toEqual(sorted(assets.map((a) => a.name)));
    for (const asset of org.operatedAssets) {
      const seeded = assets.find((a) => a.name === asset.name)!;
      const deps = activeDependencies.filter((d) => d.assetId === seeded.id);
      expect(asset.dependencies.totalCount, asset.name).toBe(deps.length);
      expect(nodes(asset.dependencies).map((d: any) => d.criticality)).toEqual(
        [...deps].sort((a, b) => b.riskScore! - a.riskScore!).map((d) => d.criticality),
      );
    }
  },

  PublicAdvisories(data, { variables }) {
    const expected = demoProducts.filter((p) => p.countries.includes(variables.country) && mayRead(personas.anonymous, p));
    expect(data.threatProducts.totalCount).toBe(expected.length);
    const answered = nodes(data.threatProducts);
    expect(sorted(answered.map((p: any) => p.trackingId))).toEqual(sorted(expected.map((p) => p.trackingId)));
    expect(answered.every((p: any) => p.tlp === 'CLEAR')).toBe(true);
    for (const p of answered) expect(p.status).toBe(expected.find((e) => e.trackingId === p.trackingId)!.status);
  },

  CriticalEnergy(data) {
    const expected = activeDependencies.filter((d) => d.sectorCode === 'ENERGY' && d.criticality === 5);
    expect(data.sector.dependencies.totalCount).toBe(expected.length);
    const answered = nodes(data.sector.dependencies);
    expect(answered.every((d: any) => d.criticality === 5)).toBe(true);
    // Highest stored score first; each at least the local part of its score (docs/risk.md).
    const scores = answered.map((d: any) => d.riskScore as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const lowestLocal = Math.min(...expected.map((d) => provisionalRisk(d as never).riskScore));
    expect(scores.every((score: number) => score >= lowestLocal)).toBe(true);
    expect(sorted(new Set(answered.map((d: any) => d.country.code)))).toEqual(
      sorted(new Set(expected.map((d) => d.countryCode))),
    );
    for (const d of answered) {
      const asset = [...assetById.values()].find((a) => a.name === d.asset.name)!;
      expect(d.asset.operator?.acronym ?? null).toBe(asset.operatorId ? (orgById.get(asset.operatorId)!.acronym ?? null) : null);
    }
  },

  SuezImpact(data, { variables }) {
    // The oracle: breadth-first over the seed's active links, by any link and by tight links only.
    const links = infrastructure.assetLinks.filter((l) => l.status === 'ACTIVE');
    const distances = (tightOnly: boolean) => {
      const seen = new Map<string, number>([[variables.asset, 0]]);
      let frontier = [variables.asset as string];
      for (let depth = 1; depth <= variables.depth && frontier.length; depth++) {
        frontier = links
          .filter((l) => frontier.includes(l.dependsOnAssetId) && (!tightOnly || l.coupling === 'TIGHT') && !seen.has(l.assetId))
          .map((l) => l.assetId);
        for (const id of frontier) seen.set(id, depth);
      }
      seen.delete(variables.asset);
      return seen;
    };
    const [any, tight] = [distances(false), distances(true)];
    const impact = data.impact;
    expect(impact.truncated).toBe(false);
    const byName = new Map([...assetById.values()].map((a) => [a.name, a.id]));
    const hit = impact.affectedAssets.map((a: any) => byName.get(a.asset.name)!);
    expect(sorted(hit)).toEqual(sorted(any.keys()));
    for (const [i, a] of impact.affectedAssets.entries()) {
      expect(a.allTight).toBe(tight.has(hit[i]));
      expect(a.depth).toBe(tight.get(hit[i]) ?? any.get(hit[i]));
      const path = a.path.map((p: any) => byName.get(p.name)!);
      expect(path).toHaveLength(a.depth + 1);
      for (let k = 1; k < path.length; k++) expect(links.some((l) => l.dependsOnAssetId === path[k - 1] && l.assetId === path[k])).toBe(true);
    }
    // Tight-only paths first.
    expect(impact.affectedAssets.map((a: any) => a.allTight)).toEqual([...impact.affectedAssets.map((a: any) => a.allTight)].sort((x, y) => Number(y) - Number(x)));
    // Every active dependency on the crossing or on an asset hit counts once, by sector and by function.
    const deps = activeDependencies.filter((d) => d.assetId === variables.asset || any.has(d.assetId));
    expect(impact.sectors.reduce((n: number, s: any) => n + s.dependencyCount, 0)).toBe(deps.length);
    expect(impact.sectors).toHaveLength(new Set(deps.map((d) => d.sectorCode)).size);
    expect(impact.functions.reduce((n: number, f: any) => n + f.dependencyCount, 0)).toBe(deps.filter((d) => d.functionCode).length);
    expect(impact.countries.reduce((n: number, c: any) => n + c.assetCount, 0)).toBe(any.size + 1);
  },

  DutchPriorities(data, { variables }) {
    const answered = nodes(data.prioritizedDependencies);
    expect(answered).toHaveLength(3);
    const scores = answered.map((d: any) => d.riskScore as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const dutch = new Set([...assetById.values()].filter((a) => a.countryCode === variables.country).map((a) => a.name));
    for (const d of answered) {
      expect(dutch).toContain(d.asset.name);
      const sum = d.riskFactors.reduce((n: number, f: any) => n + f.contribution, 0);
      expect(Math.round(sum * 10) / 10).toBe(d.riskScore);
      expect(d.riskFactors.find((f: any) => f.factor === 'OPERATOR_MATURITY').detail).toMatch(/needs maturity:read/);
    }
  },
};

let hub: Hub;
// Starting four subgraphs and loading the KEV catalog can outlast the 120 s default on a busy machine.
beforeAll(async () => {
  hub = await startHub();
}, 300_000);
afterAll(() => hub?.close());

describe('docs/queries.md', () => {
  it('asks at least 12 questions, each with a known persona and an expectation of its own', () => {
    expect(questions.length).toBeGreaterThanOrEqual(12);
    const names = questions.map((q) => q.operationName);
    expect(new Set(names).size).toBe(names.length);
    for (const q of questions) expect(Object.keys(personas), q.title).toContain(q.persona);
    expect(sorted(names)).toEqual(sorted(Object.keys(expectations)));
  });

  it('has a numbered heading for every question', () => {
    questions.forEach((q, i) => expect(q.title).toMatch(new RegExp(`^${i + 1}\\. .+\\?$`)));
  });

  // In doc order, one after the other: the audit question reads what the earlier ones left.
  for (const q of questions) {
    it(`${q.title} (${q.operationName}, as ${q.persona})`, async () => {
      const persona = personas[q.persona];
      const run = async (variables = q.variables) => {
        const { status, body } = await hub.as(persona, q.query, variables);
        expect(status).toBe(200);
        const codes = (body.errors ?? []).map((e: any) => e.extensions?.code);
        expect(codes, JSON.stringify(body.errors)).toEqual(q.expectedErrors);
        if (process.env.QUERIES_DUMP) console.log(`\n### ${q.operationName}\n${JSON.stringify(body, null, 1)}`);
        return body.data;
      };
      const data = await run();
      expect(data).toBeTruthy();
      await expectations[q.operationName](data, { variables: q.variables ?? {}, run });
    });
  }
});
