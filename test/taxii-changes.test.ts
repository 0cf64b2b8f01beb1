// The TAXII collection while products change, as a partner's client sees it through the gateway:
// objects found by id where a walk finds them, a publication during a walk neither skipped nor
// repeated, a revision's objects replacing the old ones (docs/standards.md).
import { eq, sql } from '@iag/kit/orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { threatProducts } from '../subgraphs/cisa/src/db/schema';
import { startHub, type Hub } from './hub';

const TAXII = 'application/taxii+json;version=2.1';
const COLLECTION = '/taxii2/threat-intel/collections/9b0b2a4e-7d63-4a43-9f35-3b8f2f6f1c07/';
const OBJECTS = `${COLLECTION}objects/`;
const partner = personas['partner-nl'];
// Two transactions at once need a server: PGlite has one connection.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const analyst = personas['cisa-analyst'];

type StixObject = { id: string; type: string; [k: string]: unknown };
type ManifestEntry = { id: string; date_added: string; version: string };

let hub: Hub;
let origin: string;
beforeAll(async () => {
  hub = await startHub();
  origin = new URL(hub.url).origin;
});
afterAll(() => hub?.close());

async function taxii(path: string, persona = partner) {
  const res = await fetch(`${origin}${path}`, { headers: { accept: TAXII, authorization: `Bearer ${await hub.tokenFor(persona)}` } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Follows `next` from a first page until `more` is false; `between` runs after the given page. */
async function walk(path: string, options: { between?: () => Promise<void>; afterPage?: number } = {}) {
  const items: any[] = [];
  let next: string | undefined;
  let page = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body } = await taxii(next ? `${path}${separator}next=${encodeURIComponent(next)}` : path);
    expect(status).toBe(200);
    items.push(...(body.objects ?? []));
    next = body.more ? body.next : undefined;
    if (++page === options.afterPage) await options.between?.();
    expect(page).toBeLessThan(500);
  } while (next);
  return items;
}

const mutate = async (query: string, variables: Record<string, unknown>) => {
  const { body } = await hub.as(analyst, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
};

describe('finding objects by id', () => {
  it('gives every kind of object by id, added where the collection lists it, one request for many ids too', async () => {
    const manifest: ManifestEntry[] = await walk(`${COLLECTION}manifest/?limit=500`);
    const objects: StixObject[] = await walk(`${OBJECTS}?limit=500`);
    const types = [...new Set(objects.map((o) => o.type))].sort();
    expect(types).toEqual(['course-of-action', 'identity', 'indicator', 'location', 'marking-definition', 'relationship', 'report', 'vulnerability']);
    // Every shared object (they are placed by their first product) and three of each other type.
    const sample = types.flatMap((type) => {
      const ofType = objects.filter((o) => o.type === type);
      return ['identity', 'location', 'marking-definition', 'vulnerability'].includes(type) ? ofType : ofType.slice(0, 3);
    });
    for (const object of sample) {
      const { status, headers, body } = await taxii(`${OBJECTS}${object.id}/`);
      expect({ id: object.id, status }).toEqual({ id: object.id, status: 200 });
      expect(body.objects).toEqual([object]);
      const listed = manifest.find((m) => m.id === object.id)!;
      expect({ id: object.id, added: headers.get('x-taxii-date-added-first') }).toEqual({ id: object.id, added: listed.date_added });
    }
    const some = [sample[0], sample.at(-1)!, sample[Math.floor(sample.length / 2)]];
    const { body } = await taxii(`${OBJECTS}?match[id]=${some.map((o) => o.id).join(',')}`);
    const inOrder = manifest.filter((m) => some.some((o) => o.id === m.id)).map((m) => m.id);
    expect(body.objects.map((o: StixObject) => o.id)).toEqual(inOrder);
  });

  it('refuses more than 100 ids at once, in a TAXII error message', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `indicator--00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const { status, body } = await taxii(`${OBJECTS}?match[id]=${ids.join(',')}`);
    expect(status).toBe(400);
    expect(body.http_status).toBe('400');
  });
});

describe('while products change', () => {
  let productId: string;
  let walkedUpTo: string;

  it('a publication during a walk is neither skipped nor repeated, and comes last', async () => {
    const publish = async () => {
      const drafted = await mutate(
        `mutation($input: DraftThreatProductInput!) { draftThreatProduct(input: $input) { id } }`,
        {
          input: {
            trackingId: 'AA27-100A', kind: 'ALERT', title: 'Port gateways probed', summary: 'Probing seen.', tlp: 'GREEN',
            recommendedActions: ['Patch the gateways.', 'Watch the logs.'], cveIds: ['CVE-2023-3519'],
            indicators: [{ type: 'ipv4-addr', value: '203.0.113.7' }, { type: 'domain-name', value: 'probe.example' }],
          },
        },
      );
      productId = drafted.draftThreatProduct.id;
      await mutate('mutation($id: ID!) { publishThreatProduct(id: $id, expectedVersion: 1) { status } }', { id: productId });
    };
    const walked: StixObject[] = await walk(`${OBJECTS}?limit=5`, { afterPage: 2, between: publish });
    const ids = walked.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const now: StixObject[] = await walk(`${OBJECTS}?limit=500`);
    expect(ids).toEqual(now.map((o) => o.id));
    const report = now.find((o) => o.type === 'report' && (o.external_references as any[]).some((r) => r.external_id === 'AA27-100A'))!;
    expect(report).toBeDefined();
    // Its own objects (report, 2 indicators, 2 actions, 2 mitigates) end the collection.
    const own = new Set([report.id, ...(report.object_refs as string[])]);
    expect(now.slice(-7).every((o) => own.has(o.id))).toBe(true);
    const { headers } = await taxii(`${OBJECTS}${report.id}/`);
    walkedUpTo = headers.get('x-taxii-date-added-last')!;
    expect((await taxii(`${OBJECTS}?added_after=${walkedUpTo}`)).body.objects).toBeUndefined();
  });

  it("a revision's objects replace the old ones: found by id, the dropped indicator gone, and polled as added", async () => {
    const before: StixObject[] = (await walk(`${OBJECTS}?limit=500`)).filter((o) => o.type === 'indicator');
    const { threatProduct } = await (await hub.as(analyst, 'query($id: ID!) { threatProduct(id: $id) { version stixBundle } }', { id: productId })).body.data;
    const indicators = (threatProduct.stixBundle.objects as StixObject[]).filter((o) => o.type === 'indicator');
    const dropped = indicators.find((o) => String(o.pattern).includes('203.0.113.7'))!;
    await mutate(
      `mutation($id: ID!, $v: Int!, $input: ThreatProductChangeInput!) { reviseThreatProduct(id: $id, expectedVersion: $v, input: $input, changeNote: "New infrastructure.") { revision } }`,
      { id: productId, v: threatProduct.version, input: { indicators: [{ type: 'domain-name', value: 'probe.example' }, { type: 'ipv4-addr', value: '198.51.100.9' }] } },
    );
    expect((await taxii(`${OBJECTS}${dropped.id}/`)).status).toBe(404);
    const polled: StixObject[] = await walk(`${OBJECTS}?added_after=${walkedUpTo}&limit=500`);
    const added = polled.find((o) => o.type === 'indicator' && String(o.pattern).includes('198.51.100.9'))!;
    expect((await taxii(`${OBJECTS}${added.id}/`)).body.objects).toEqual([added]);
    // The kept indicator keeps its id, in a new version; nobody else's objects come with the poll.
    const kept = indicators.find((o) => String(o.pattern).includes('probe.example'))!;
    const keptNow = polled.find((o) => o.id === kept.id)!;
    expect(Date.parse(String(keptNow.modified))).toBeGreaterThan(Date.parse(String(kept.modified)));
    expect(polled.filter((o) => o.type === 'report')).toHaveLength(1);
    expect(before.some((o) => o.id === dropped.id)).toBe(true);
  });

  it.skipIf(!onPostgres)('a product changed in a transaction still open is not stepped over by a poller', async () => {
    const reportOf = (objects: StixObject[], trackingId: string) =>
      objects.find((o) => o.type === 'report' && (o.external_references as any[]).some((r) => r.external_id === trackingId));
    const everything: StixObject[] = await walk(`${OBJECTS}?limit=500`);
    let since = (await taxii(`${OBJECTS}${everything.at(-1)!.id}/`)).headers.get('x-taxii-date-added-last')!;
    // A CISA writer changes tp-13 (GREEN) and has not committed yet...
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const held = hub.subgraphs.cisa.database.db.transaction(async (tx) => {
      await tx.update(threatProducts).set({ title: 'Held open', updatedAt: sql`now()` }).where(eq(threatProducts.id, 'tp-13'));
      entered();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await inside;
    // ...while another product is published and committed.
    const drafted = await mutate(
      `mutation { draftThreatProduct(input: { trackingId: "AA27-200A", kind: ALERT, title: "Later", summary: "Later.", tlp: GREEN }) { id } }`,
      {},
    );
    await mutate('mutation($id: ID!) { publishThreatProduct(id: $id, expectedVersion: 1) { status } }', { id: drafted.draftThreatProduct.id });
    // A poller in between must not get the later product yet: it would move past the held one.
    const during = await taxii(`${OBJECTS}?added_after=${since}&limit=500`);
    expect(reportOf(during.body.objects ?? [], 'AA27-200A')).toBeUndefined();
    since = during.headers.get('x-taxii-date-added-last') ?? since;
    release();
    await held;
    const after: StixObject[] = await walk(`${OBJECTS}?added_after=${since}&limit=500`);
    const trackingId = (await hub.as(analyst, '{ threatProduct(id: "tp-13") { trackingId } }')).body.data.threatProduct.trackingId;
    expect(reportOf(after, trackingId)?.name).toBe('Held open');
    expect(reportOf(after, 'AA27-200A')).toBeDefined();
  });
});
