// The TAXII 2.1 server and the export URLs, driven as partners' clients drive them: real HTTP with
// real tokens at the gateway. A caller's collection must hold exactly the STIX objects of the
// products the same caller sees in the graph (docs/standards.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { demoProducts } from '../subgraphs/cisa/src/seed-threat-intel/demo-products';
import { startHub, type Hub } from './hub';
import { mayRead } from './tlp-oracle';
import { validateStix } from './stix-schema';
import { csafProblems } from './csaf-validate';

const TAXII = 'application/taxii+json;version=2.1';
const ROOT = '/taxii2/threat-intel/';
const COLLECTION = '9b0b2a4e-7d63-4a43-9f35-3b8f2f6f1c07';
const OBJECTS = `${ROOT}collections/${COLLECTION}/objects/`;

type Persona = (typeof personas)[string];
type StixObject = { id: string; type: string; [k: string]: unknown };

let hub: Hub;
let origin: string;
beforeAll(async () => {
  hub = await startHub();
  origin = new URL(hub.url).origin;
});
afterAll(() => hub?.close());

/** A GET as a TAXII 2.1 client sends it: the TAXII Accept header and the caller's bearer token. */
async function taxii(path: string, persona: Persona = personas['partner-nl'], headers: Record<string, string> = {}) {
  const auth: Record<string, string> = persona.kind === 'ANONYMOUS' ? {} : { authorization: `Bearer ${await hub.tokenFor(persona)}` };
  const res = await fetch(`${origin}${path}`, { headers: { accept: TAXII, ...auth, ...headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Every page of a collection resource, following `next` as a client does. */
async function allPages(path: string, persona: Persona, key: 'objects' = 'objects') {
  const pages: any[] = [];
  let next: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body, headers } = await taxii(next ? `${path}${separator}next=${encodeURIComponent(next)}` : path, persona);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe(TAXII);
    pages.push(body);
    next = body.more ? body.next : undefined;
    expect(pages.length).toBeLessThan(200);
  } while (next);
  return { pages, items: pages.flatMap((p) => p[key] ?? []) };
}

/** What the same caller sees in the graph: the STIX bundles of its released products, merged by id. */
async function graphView(persona: Persona) {
  const { body } = await hub.as(persona, '{ threatProducts(first: 100) { edges { node { id status stixBundle } } } }');
  expect(body.errors).toBeUndefined();
  const released = body.data.threatProducts.edges.map((e: any) => e.node).filter((p: any) => p.status !== 'DRAFT');
  const objects = new Map<string, StixObject>();
  for (const product of released) for (const object of product.stixBundle.objects) objects.set(object.id, object);
  return { productIds: released.map((p: any) => p.id).sort(), objects };
}

describe('TAXII 2.1 resources', () => {
  it('discovery names the API root, which lists TAXII 2.1 and a read-only STIX 2.1 collection', async () => {
    const discovery = await taxii('/taxii2/');
    expect(discovery.status).toBe(200);
    expect(discovery.headers.get('content-type')).toBe(TAXII);
    expect(discovery.body.api_roots).toEqual([`${origin}${ROOT}`]);
    expect(discovery.body.default).toBe(`${origin}${ROOT}`);
    const root = await taxii(ROOT);
    expect(root.body.versions).toEqual([TAXII]);
    expect(root.body.max_content_length).toBeGreaterThan(0);
    const collections = await taxii(`${ROOT}collections/`);
    expect(collections.body.collections).toHaveLength(1);
    expect(collections.body.collections[0]).toMatchObject({
      id: COLLECTION,
      can_read: true,
      can_write: false,
      media_types: ['application/stix+json;version=2.1'],
    });
    expect((await taxii(`${ROOT}collections/${COLLECTION}/`)).body.id).toBe(COLLECTION);
  });

  it('answers in TAXII error messages: 406, 401, 404, 403 for writes, 405, 400', async () => {
    expect((await taxii('/taxii2/', personas['partner-nl'], { accept: 'application/json' })).status).toBe(406);
    const forged = await taxii('/taxii2/', personas.anonymous, { authorization: 'Bearer not-a-token' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toBe('Bearer');
    expect(forged.body).toMatchObject({ title: 'Unauthenticated', http_status: '401' });
    expect((await taxii(`${ROOT}collections/00000000-0000-4000-8000-000000000000/objects/`)).status).toBe(404);
    expect((await taxii(`${ROOT}status/00000000-0000-4000-8000-000000000000/`)).status).toBe(404);
    const token = await hub.tokenFor(personas['partner-nl']);
    const post = await fetch(`${origin}${OBJECTS}`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${token}` },
      body: JSON.stringify({ objects: [] }),
    });
    expect(post.status).toBe(403);
    expect(post.headers.get('content-type')).toBe(TAXII);
    const put = await fetch(`${origin}${OBJECTS}`, { method: 'PUT', headers: { accept: TAXII, authorization: `Bearer ${token}` } });
    expect(put.status).toBe(405);
    for (const bad of ['added_after=yesterday', 'limit=0', 'limit=-3', 'match[id]=not-an-id', 'next=bogus']) {
      const { status, body } = await taxii(`${OBJECTS}?${bad}`);
      expect({ bad, status }).toEqual({ bad, status: 400 });
      expect(body.http_status).toBe('400');
    }
  });
});

describe("a caller's collection is what the graph shows that caller", () => {
  for (const name of ['partner-nl', 'partner-de', 'anonymous', 'cisa-analyst']) {
    it(`${name}: the same objects, object by object, paged without gaps or repeats`, async () => {
      const persona = personas[name];
      const graph = await graphView(persona);
      // The graph agrees with the access rules (the released products this caller may read)...
      const expected = demoProducts.filter((p) => p.status !== 'DRAFT' && mayRead(persona, p)).map((p) => p.id).sort();
      expect(graph.productIds).toEqual(expected);
      // ...and the collection, paged 7 at a time, with the graph.
      const { items } = await allPages(`${OBJECTS}?limit=7`, persona);
      const ids = items.map((o: StixObject) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...graph.objects.keys()].sort());
      for (const object of items) expect(object).toEqual(graph.objects.get(object.id));
      expect(items.filter((o: StixObject) => o.type === 'report')).toHaveLength(expected.length);
    });
  }

  it('every object served validates against the OASIS STIX 2.1 schemas', async () => {
    const { items } = await allPages(`${OBJECTS}?limit=500`, personas['cisa-analyst']);
    expect(items.length).toBeGreaterThan(100);
    const problems = items.flatMap((object: unknown) => validateStix(object));
    expect(problems).toEqual([]);
  });

  it('the manifest lists the same objects in date_added order, with versions and the STIX media type', async () => {
    const persona = personas['partner-nl'];
    const { items: manifest } = await allPages(`${ROOT}collections/${COLLECTION}/manifest/?limit=11`, persona);
    const { items: objects } = await allPages(`${OBJECTS}?limit=500`, persona);
    expect(manifest.map((m: any) => m.id)).toEqual(objects.map((o: StixObject) => o.id));
    const dates = manifest.map((m: any) => Date.parse(m.date_added));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    for (const [i, entry] of manifest.entries()) {
      const object = objects[i];
      expect(entry.media_type).toBe('application/stix+json;version=2.1');
      expect(entry.version).toBe(object.modified ?? object.created);
    }
  });

  it('added_after returns exactly what was added later, and the date headers bound the page', async () => {
    const persona = personas['partner-nl'];
    const { items: manifest } = await allPages(`${ROOT}collections/${COLLECTION}/manifest/?limit=500`, persona);
    const cut = manifest[Math.floor(manifest.length / 2)].date_added;
    const later = manifest.filter((m: any) => Date.parse(m.date_added) > Date.parse(cut)).map((m: any) => m.id);
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(manifest.length);
    const { items } = await allPages(`${OBJECTS}?added_after=${cut}&limit=500`, persona);
    expect(items.map((o: StixObject) => o.id)).toEqual(later);
    const first = await taxii(`${OBJECTS}?added_after=${cut}&limit=3`, persona);
    const addedLater = manifest.filter((m: any) => Date.parse(m.date_added) > Date.parse(cut));
    expect(first.headers.get('x-taxii-date-added-first')).toBe(addedLater[0].date_added);
    expect(first.headers.get('x-taxii-date-added-last')).toBe(addedLater[2].date_added);
  });

  it('match[type] keeps only those types, and match[spec_version] other than 2.1 matches nothing', async () => {
    const persona = personas['partner-nl'];
    const graph = await graphView(persona);
    const { items } = await allPages(`${OBJECTS}?match[type]=indicator,vulnerability&limit=500`, persona);
    const expected = [...graph.objects.values()].filter((o) => o.type === 'indicator' || o.type === 'vulnerability');
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((o: StixObject) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
    const other = await taxii(`${OBJECTS}?match[spec_version]=2.0`, persona);
    expect(other.body.objects).toBeUndefined();
    expect(other.body.more).toBe(false);
  });

  it('an object and its versions by id; a product the caller may not see is not there', async () => {
    const analyst = await graphView(personas['cisa-analyst']);
    const reportOf = (trackingId: string) =>
      [...analyst.objects.values()].find(
        (o) => o.type === 'report' && (o.external_references as any[])?.some((r) => r.external_id === trackingId),
      )!;
    // tp-34 is AMBER+STRICT for NCSC-NL; tp-33 is AMBER+STRICT for another organization.
    const own = reportOf(demoProducts.find((p) => p.id === 'tp-34')!.trackingId);
    const hidden = reportOf(demoProducts.find((p) => p.id === 'tp-33')!.trackingId);
    const found = await taxii(`${OBJECTS}${own.id}/`);
    expect(found.status).toBe(200);
    expect(found.body.objects).toEqual([own]);
    const versions = await taxii(`${OBJECTS}${own.id}/versions/`);
    expect(versions.body.versions).toEqual([own.modified]);
    expect((await taxii(`${OBJECTS}${hidden.id}/`)).status).toBe(404);
    expect((await taxii(`${OBJECTS}${hidden.id}/versions/`)).status).toBe(404);
    expect((await taxii(`${OBJECTS}${hidden.id}/`, personas['cisa-analyst'])).status).toBe(200);
  });
});

describe('export URLs', () => {
  const get = async (path: string, persona: Persona) => {
    const auth: Record<string, string> = persona.kind === 'ANONYMOUS' ? {} : { authorization: `Bearer ${await hub.tokenFor(persona)}` };
    const res = await fetch(`${origin}${path}`, { headers: auth });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const tp13 = demoProducts.find((p) => p.id === 'tp-13')!;

  it('a product as a STIX 2.1 bundle, by id or tracking id, valid and equal to the graph field', async () => {
    const partner = personas['partner-nl'];
    const byId = await get('/threat-products/tp-13/stix', partner);
    expect(byId.status).toBe(200);
    expect(byId.headers.get('content-type')).toBe('application/stix+json;version=2.1');
    expect(byId.body.type).toBe('bundle');
    expect(byId.body.objects.flatMap((o: unknown) => validateStix(o))).toEqual([]);
    expect(validateStix(byId.body)).toEqual([]);
    const byTracking = await get(`/threat-products/${tp13.trackingId}/stix`, partner);
    expect(byTracking.body).toEqual(byId.body);
    const { body } = await hub.as(partner, '{ threatProduct(id: "tp-13") { stixBundle } }');
    expect(body.data.threatProduct.stixBundle).toEqual(byId.body);
  });

  it('a product as a CSAF 2.0 document that the CSAF validator accepts, named by its tracking id', async () => {
    const { status, headers, body } = await get(`/threat-products/${tp13.trackingId}/csaf`, personas['partner-nl']);
    expect(status).toBe(200);
    expect(headers.get('content-disposition')).toContain(`filename="${tp13.trackingId.toLowerCase()}.json"`);
    expect(body.document.tracking.id).toBe(tp13.trackingId);
    expect(body.document.distribution.tlp.label).toBe('GREEN');
    expect(await csafProblems(body)).toEqual([]);
  });

  it('the same rules as the graph: 403 hidden, 404 unknown, 401 bad token, anonymous only TLP:CLEAR', async () => {
    const partner = personas['partner-nl'];
    const hidden = await get('/threat-products/tp-33/csaf', partner);
    expect(hidden.status).toBe(403);
    expect(hidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(hidden.body)).not.toContain('document');
    expect((await get('/threat-products/tp-999/stix', partner)).status).toBe(404);
    expect((await get('/threat-products/tp-13/pdf', partner)).status).toBe(404);
    const res = await fetch(`${origin}/threat-products/tp-13/stix`, { headers: { authorization: 'Bearer forged' } });
    expect(res.status).toBe(401);
    const clear = demoProducts.find((p) => p.tlp === 'CLEAR' && p.status === 'PUBLISHED')!;
    expect((await get(`/threat-products/${clear.id}/stix`, personas.anonymous)).status).toBe(200);
    // As in the graph, an anonymous caller is asked to sign in rather than refused outright.
    const anonymous = await get('/threat-products/tp-13/stix', personas.anonymous);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
