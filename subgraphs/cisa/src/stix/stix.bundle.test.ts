import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateStix } from '../../../../test/stix-schema';
import type { ProductExport } from '../exports/product-export';
import { loadDemoExports, type DemoExports } from '../exports/product-export.fixture';
import { toStixBundle, type StixBundle, type StixObject } from './stix.bundle';
import { actionTitle, ownedObjectIds } from './stix.product';
import { TLP_MARKING_DEFINITIONS } from './stix.tlp';

let demo: DemoExports;
let exports: ProductExport[];

beforeAll(async () => {
  demo = await loadDemoExports();
  exports = demo.exports;
});
afterAll(() => demo?.close());

const ofType = (bundle: StixBundle, type: string) => bundle.objects.filter((o) => o.type === type);
const reportOf = (bundle: StixBundle) => ofType(bundle, 'report')[0];
const exportOf = (id: string) => {
  const found = exports.find((e) => e.product.id === id);
  if (!found) throw new Error(`no demo product ${id}`);
  return found;
};
const withProduct = (e: ProductExport, change: Partial<ProductExport['product']>): ProductExport => ({
  ...e,
  product: { ...e.product, ...change },
});

describe('toStixBundle', () => {
  it('gives every demo product a bundle that the OASIS STIX 2.1 schemas accept, object by object', () => {
    expect(exports).toHaveLength(44);
    for (const e of exports) {
      const bundle = toStixBundle(e);
      expect(validateStix(bundle), e.product.id).toEqual([]);
      for (const object of bundle.objects) {
        expect(object.spec_version, object.id).toBe('2.1');
        expect(validateStix(object), object.id).toEqual([]);
      }
    }
  });

  it('builds byte-identical JSON from the same product, however often and from whichever copy', () => {
    for (const e of exports) {
      expect(JSON.stringify(toStixBundle(structuredClone(e)))).toBe(JSON.stringify(toStixBundle(e)));
    }
  });

  it('orders markings first, then identities, the report, and the rest by id', () => {
    const rank = (o: StixObject) => ['marking-definition', 'identity', 'report'].indexOf(o.type) >>> 0;
    for (const e of exports) {
      const objects = toStixBundle(e).objects;
      const sorted = [...objects].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
      expect(objects.map((o) => o.id)).toEqual(sorted.map((o) => o.id));
    }
  });

  it('gives a KEV vulnerability the same object, id included, in every product that covers it', () => {
    const byCve = new Map<string, StixObject[]>();
    for (const e of exports) {
      for (const v of ofType(toStixBundle(e), 'vulnerability')) byCve.set(String(v.name), [...(byCve.get(String(v.name)) ?? []), v]);
    }
    const shared = [...byCve.values()].filter((copies) => copies.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const copies of shared) for (const copy of copies) expect(copy).toEqual(copies[0]);
  });

  it('knows the ids of the objects each product owns without building its bundle', () => {
    const shared = new Set(['marking-definition', 'identity', 'vulnerability', 'location']);
    let relationships = 0;
    for (const e of exports) {
      const owned = toStixBundle(e).objects.filter((o) => !shared.has(o.type));
      relationships += owned.filter((o) => o.type === 'relationship').length;
      const cves = e.vulnerabilities.map((v) => v.cveId);
      expect([...ownedObjectIds(e.product, cves)].sort(), e.product.id).toEqual(owned.map((o) => o.id).sort());
    }
    expect(relationships).toBeGreaterThan(0);
  });

  it('changes only the bundle id when the product version changes', () => {
    for (const e of exports) {
      const before = toStixBundle(e);
      const after = toStixBundle(withProduct(e, { version: e.product.version + 1 }));
      expect(after.id).not.toBe(before.id);
      expect(after.objects).toEqual(before.objects);
    }
  });

  it('refers from the report to every other object but the markings, and every reference resolves', () => {
    for (const e of exports) {
      const bundle = toStixBundle(e);
      const ids = new Set(bundle.objects.map((o) => o.id));
      expect(ids.size, 'ids are unique').toBe(bundle.objects.length);
      const report = reportOf(bundle);
      const others = bundle.objects.filter((o) => o.type !== 'marking-definition' && o !== report).map((o) => o.id);
      expect([...(report.object_refs as string[])].sort()).toEqual([...others].sort());
      for (const o of bundle.objects) {
        const refs = [...((o.object_marking_refs as string[] | undefined) ?? []), o.created_by_ref, o.source_ref, o.target_ref];
        for (const ref of refs.filter((r) => r !== undefined)) expect(ids.has(ref as string), `${o.id} -> ${ref}`).toBe(true);
        if (o.type !== 'marking-definition') expect(o.object_marking_refs, o.id).toHaveLength(1);
      }
    }
  });

  it("marks the report with the product's TLP, AMBER_STRICT as the TLP:AMBER+STRICT definition", () => {
    for (const e of exports) {
      const bundle = toStixBundle(e);
      const marking = TLP_MARKING_DEFINITIONS[e.product.tlp];
      expect(reportOf(bundle).object_marking_refs, e.product.id).toEqual([marking.id]);
      expect(bundle.objects).toContainEqual(marking);
    }
    const strict = exports.find((e) => e.product.tlp === 'AMBER_STRICT');
    expect(strict).toBeDefined();
    const bundle = toStixBundle(strict!);
    const [markingRef] = reportOf(bundle).object_marking_refs as string[];
    const marking = bundle.objects.find((o) => o.id === markingRef);
    expect(marking?.id).toBe('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003');
    expect(marking?.name).toBe('TLP:AMBER+STRICT');
    expect(Object.values(marking?.extensions as object)[0]).toEqual({ extension_type: 'property-extension', tlp_2_0: 'amber+strict' });
  });

  it('revokes the report and what the product says when it is withdrawn, and only then', () => {
    expect(exports.some((e) => e.product.status === 'WITHDRAWN')).toBe(true);
    for (const e of exports) {
      const bundle = toStixBundle(e);
      const withdrawn = e.product.status === 'WITHDRAWN';
      expect(reportOf(bundle).revoked, e.product.id).toBe(withdrawn ? true : undefined);
      for (const o of [...ofType(bundle, 'indicator'), ...ofType(bundle, 'course-of-action')]) expect(o.revoked).toBe(reportOf(bundle).revoked);
      for (const o of [...ofType(bundle, 'vulnerability'), ...ofType(bundle, 'identity')]) expect(o.revoked).toBeUndefined();
    }
  });

  it('dates a draft by its last edit and labels it, and labels every report with its sectors', () => {
    expect(exports.some((e) => e.product.status === 'DRAFT')).toBe(true);
    for (const e of exports) {
      const report = reportOf(toStixBundle(e));
      const draft = e.product.status === 'DRAFT';
      expect(report.published).toBe(draft ? e.product.updatedAt.toISOString() : e.product.publishedAt!.toISOString());
      const sectors = e.sectors.map((s) => `sector:${s.toLowerCase().replace(/_/g, '-')}`);
      expect(report.labels ?? []).toEqual([...(draft ? ['draft'] : []), ...sectors]);
      expect(report.external_references).toEqual([{ source_name: 'cisa', external_id: e.product.trackingId }]);
    }
  });

  it('writes the STIX pattern of each indicator type exactly', () => {
    // What each indicator type of the demo data must become, written out rather than derived from
    // the code under test.
    const expected: Record<string, (value: string) => string> = {
      'ipv4-addr': (v) => `[ipv4-addr:value = '${v}']`,
      'domain-name': (v) => `[domain-name:value = '${v}']`,
      url: (v) => `[url:value = '${v}']`,
      'file:hashes.SHA-256': (v) => `[file:hashes.'SHA-256' = '${v}']`,
    };
    const seen = new Set<string>();
    for (const e of [exportOf('tp-01'), exportOf('tp-06')]) {
      const indicators = ofType(toStixBundle(e), 'indicator');
      expect(indicators).toHaveLength(e.product.indicators.length);
      for (const { type, value, description } of e.product.indicators) {
        const indicator = indicators.find((i) => i.pattern === expected[type](value));
        expect(indicator, `${type} ${value}`).toBeDefined();
        expect(indicator).toMatchObject({ name: description ?? value, pattern_type: 'stix', indicator_types: ['malicious-activity'] });
        expect(indicator!.valid_from).toBe(e.product.publishedAt!.toISOString());
        seen.add(type);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(expected).sort());
  });

  it('escapes quotes and backslashes in indicator values', () => {
    const base = exportOf('tp-01');
    const e = withProduct(base, { indicators: [{ type: 'url', value: "http://x.example/it's\\here", description: 'Quoted' }] });
    const bundle = toStixBundle(e);
    expect(ofType(bundle, 'indicator').map((i) => i.pattern)).toEqual(["[url:value = 'http://x.example/it\\'s\\\\here']"]);
    expect(validateStix(bundle)).toEqual([]);
  });

  it('relates every course of action to every vulnerability with mitigates', () => {
    for (const e of exports) {
      const bundle = toStixBundle(e);
      const actions = ofType(bundle, 'course-of-action');
      const vulnerabilities = ofType(bundle, 'vulnerability');
      expect(actions).toHaveLength(new Set(e.product.recommendedActions).size);
      expect(vulnerabilities.map((v) => v.name).sort()).toEqual(e.vulnerabilities.map((v) => v.cveId).sort());
      const pairs = ofType(bundle, 'relationship').map((r) => `${r.source_ref} ${r.relationship_type} ${r.target_ref}`);
      expect(pairs.sort()).toEqual(actions.flatMap((a) => vulnerabilities.map((v) => `${a.id} mitigates ${v.id}`)).sort());
    }
  });

  it('titles a course of action by its first sentence, at most 80 characters', () => {
    expect(actionTitle('Patch now. Then hunt.')).toBe('Patch now');
    const long = actionTitle('Apply the vendor updates for the listed CVEs, internet-facing systems first, and verify the running version.');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toBe('Apply the vendor updates for the listed CVEs, internet-facing systems first…');
  });
});

describe('validateStix', () => {
  it('reports the problems of a broken object, named by its id', () => {
    const bundle = toStixBundle(exportOf('tp-01'));
    const report = reportOf(bundle);
    const broken = { ...report, published: 'yesterday', object_refs: [] };
    const problems = validateStix(broken);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${report.id}: /published must match pattern`)));
    expect(problems).toContainEqual(`${report.id}: /object_refs must NOT have fewer than 1 items`);
    expect(validateStix({ ...bundle, objects: [...bundle.objects, broken] }).length).toBeGreaterThan(0);
    expect(validateStix({ type: 'not-stix', id: 'x' })).toEqual(['x: /type "not-stix" has no STIX 2.1 schema']);
  });
});
