// What the sharing questions of docs/queries.md must answer: products, deliveries, sightings,
// engagements, agreements, maturity, the dissemination backlog and the audit log.
import { expect } from 'vitest';
import { personas } from '../../gateway/src/auth/personas';
import { mayRead } from '../tlp-oracle';
import { countries, demoAgreements, demoDeliveries, demoEngagements, demoMaturityAssessments, demoOrganizations, demoProducts, demoSightings, nodes, orgById, orgIdsIn, productById, runsDuring, sorted, type Expectations } from './oracle';

export const sharingExpectations: Expectations = {
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

  PublicAdvisories(data, { variables }) {
    const expected = demoProducts.filter((p) => p.countries.includes(variables.country) && mayRead(personas.anonymous, p));
    expect(data.threatProducts.totalCount).toBe(expected.length);
    const answered = nodes(data.threatProducts);
    expect(sorted(answered.map((p: any) => p.trackingId))).toEqual(sorted(expected.map((p) => p.trackingId)));
    expect(answered.every((p: any) => p.tlp === 'CLEAR')).toBe(true);
    for (const p of answered) expect(p.status).toBe(expected.find((e) => e.trackingId === p.trackingId)!.status);
  },
};
