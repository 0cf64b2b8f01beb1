// What the infrastructure and risk questions of docs/queries.md must answer: dependencies, KEV
// exposure, operators' assets, impact and priorities.
import { expect } from 'vitest';
import { personas } from '../../gateway/src/auth/personas';
import { mayRead } from '../tlp-oracle';
import { activeDependencies, assetById, countries, demoDeliveries, demoEngagements, demoProducts, infrastructure, latestAssessment, nodes, orgById, orgIdsIn, provisionalRisk, sorted, type Expectations } from './oracle';

export const infrastructureExpectations: Expectations = {
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
