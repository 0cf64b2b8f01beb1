// The access rules of docs/access.md, proven from outside: real HTTP requests with real tokens,
// through the gateway and straight at the subgraphs.
import { SignJWT, generateKeyPair, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { demoProducts } from '../subgraphs/cisa/src/seed-threat-intel/demo-products';
import { TEST_AUDIENCE, TEST_ISSUER, startHub, type Hub } from './hub';
import { mayRead } from './tlp-oracle';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

const PRODUCTS = '{ threatProducts(first: 100) { totalCount edges { node { id tlp } } } }';
const codes = (body: any) => (body.errors ?? []).map((e: any) => e.extensions?.code);


describe('threat products by persona and TLP', () => {
  for (const [name, persona] of Object.entries(personas)) {
    it(`${name} sees exactly the products its TLP rights admit, and totalCount agrees`, async () => {
      const { status, body } = await hub.as(persona, PRODUCTS);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const seen = body.data.threatProducts.edges.map((e: any) => e.node.id).sort();
      const expected = demoProducts.filter((p) => mayRead(persona, p)).map((p) => p.id).sort();
      expect(seen).toEqual(expected);
      expect(body.data.threatProducts.totalCount).toBe(expected.length);
    });
  }

  it('a partner asking for an AMBER+STRICT product of another partner gets null and FORBIDDEN, the rest intact', async () => {
    const { body } = await hub.as(personas['partner-nl'], '{ hidden: threatProduct(id: "tp-33") { id } own: threatProduct(id: "tp-34") { id } }');
    expect(body.data).toEqual({ hidden: null, own: { id: 'tp-34' } });
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });

  it('no nested path leads a partner to a product it may not see', async () => {
    const query = `{ country(code: "DE") { threatProducts(first: 100) { totalCount edges { node { id } } } }
      sector(code: "ENERGY") { threatProducts(first: 100) { edges { node { id } } } } }`;
    const { body } = await hub.as(personas['partner-nl'], query);
    const ids = [
      ...body.data.country.threatProducts.edges.map((e: any) => e.node.id),
      ...body.data.sector.threatProducts.edges.map((e: any) => e.node.id),
    ];
    const allowed = new Set(demoProducts.filter((p) => mayRead(personas['partner-nl'], p)).map((p) => p.id));
    expect(ids.filter((id) => !allowed.has(id))).toEqual([]);
    expect(ids).not.toContain('tp-33');
  });
});

describe('a partner never reaches what belongs to others', () => {
  it("keeps the country brief whole but withholds dependencies and maturity, and shows only the partner's own deliveries", async () => {
    const query = `{ country(code: "NL") { name
      organizations { id maturity { level } }
      dependencies(first: 5) { totalCount }
      threatProducts(first: 50) { edges { node { id deliveries { recipient { id } } } } } } }`;
    const { status, body } = await hub.as(personas['partner-nl'], query);
    expect(status).toBe(200);
    expect(body.data.country.name).toBe('Netherlands');
    expect(body.data.country.dependencies).toBeNull();
    expect(body.data.country.organizations.every((o: any) => o.maturity === null)).toBe(true);
    expect(codes(body)).toContain('FORBIDDEN');
    const recipients = body.data.country.threatProducts.edges.flatMap((e: any) => e.node.deliveries.map((d: any) => d.recipient.id));
    expect(recipients.length).toBeGreaterThan(0);
    expect(new Set(recipients)).toEqual(new Set(['nl-ncsc']));
  });

  it("cannot read another partner's delivery, directly or nested, nor count it", async () => {
    const { body } = await hub.as(
      personas['partner-de'],
      '{ threatProduct(id: "tp-24") { deliveries { recipient { id } } } deliveries(recipient: "nl-ncsc") { totalCount } }',
    );
    expect(body.data.threatProduct.deliveries.map((d: any) => d.recipient.id)).toEqual(['de-cert-bund']);
    expect(body.data.deliveries.totalCount).toBe(0);
  });

  it('sees only the engagements it takes part in', async () => {
    const { body } = await hub.as(personas['partner-de'], '{ engagements(first: 100) { totalCount edges { node { partnerOrganizations { id } } } } }');
    const edges = body.data.engagements.edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(body.data.engagements.totalCount).toBe(edges.length);
    expect(edges.every((e: any) => e.node.partnerOrganizations.some((o: any) => o.id === 'de-cert-bund'))).toBe(true);
  });

  it('gets FORBIDDEN for dependencies and assets; anonymous callers get UNAUTHENTICATED', async () => {
    const partner = await hub.as(personas['partner-nl'], '{ dependencies(first: 1) { totalCount } }');
    expect(partner.body.data).toBeNull();
    expect(codes(partner.body)).toEqual(['FORBIDDEN']);
    const anonymous = await hub.post('{ assets(first: 1) { totalCount } }');
    expect(codes(anonymous.body)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('US government callers', () => {
  it('get everything they need in one query', async () => {
    const { body } = await hub.as(personas['cisa-analyst'], `{ country(code: "NL") {
      organizations { maturity { level } } dependencies(first: 3) { totalCount }
      threatProducts(first: 100) { totalCount } engagements(first: 1) { totalCount } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.country.dependencies.totalCount).toBeGreaterThan(0);
    expect(body.data.country.organizations.some((o: any) => o.maturity?.level)).toBe(true);
  });

  it('need the dependencies:read scope for dependencies', async () => {
    const { body } = await hub.as(personas['state-officer'], '{ dependencies(first: 1) { totalCount } }');
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });
});

describe('bad tokens are refused with 401 UNAUTHENTICATED', () => {
  const analyst = personas['cisa-analyst'];
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  const cases: Record<string, () => Promise<string>> = {
    'wrong signature': async () => {
      const other = await generateKeyPair('ES256');
      return new SignJWT({ kind: 'US_GOVERNMENT', agency: 'CISA', sub: 'x' })
        .setProtectedHeader({ alg: 'ES256', kid: 'test-idp-1' }).setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE)
        .setExpirationTime('5m').sign(other.privateKey);
    },
    'alg none': async () =>
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', kind: 'US_GOVERNMENT', agency: 'CISA', iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: now() + 300 })}.`,
    expired: () => hub.tokenFor(analyst, { exp: now() - 3600, iat: now() - 7200 }),
    'wrong issuer': () => hub.tokenFor(analyst, { iss: 'https://evil.invalid/' }),
    'wrong audience': () => hub.tokenFor(analyst, { aud: 'someone-else' }),
    'unknown key id': () => hub.tokenFor(analyst, {}, { kid: 'no-such-key' }),
    'HS256 confusion': async () => {
      const secret = new TextEncoder().encode('public-key-as-hmac-secret');
      return new SignJWT({ kind: 'US_GOVERNMENT', agency: 'CISA', sub: 'x' })
        .setProtectedHeader({ alg: 'HS256', kid: 'test-idp-1' }).setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE)
        .setExpirationTime('5m').sign(secret);
    },
    malformed: async () => 'not.a.jwt',
    'partner token without organization': () => hub.tokenFor({ kind: 'PARTNER', sub: 'p', scopes: [] } as never),
  };

  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const { status, body } = await hub.post('{ countries(first: 1) { totalCount } }', undefined, { authorization: `Bearer ${await make()}` });
      expect(status).toBe(401);
      expect(codes(body)).toEqual(['UNAUTHENTICATED']);
      expect(body.data).toBeUndefined();
    });
  }

  it('a non-Bearer scheme', async () => {
    const { status } = await hub.post('{ countries(first: 1) { totalCount } }', undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(status).toBe(401);
  });

  it('no token at all means anonymous: public data only', async () => {
    const { status, body } = await hub.post('{ countries(first: 0) { totalCount } }');
    expect(status).toBe(200);
    expect(body.data.countries.totalCount).toBe(249);
  });
});

describe('identity headers and direct subgraph calls', () => {
  it('ignores identity headers a client makes up', async () => {
    const spoofed = {
      'x-iag-principal': JSON.stringify({ kind: 'US_GOVERNMENT', agency: 'CISA', sub: 'cisa:analyst-1', scopes: ['dependencies:read'] }),
      'x-user': 'cisa:analyst-1',
      'x-forwarded-user': 'cisa:analyst-1',
      'x-agency': 'CISA',
      'x-scopes': 'dependencies:read',
    };
    const { body } = await hub.post('{ dependencies(first: 1) { totalCount } }', undefined, spoofed);
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
  });

  it("refuses a subgraph's internal token presented to the gateway", async () => {
    const key = await importJWK(hub.internalKeys.privateJwk, 'EdDSA');
    const internal = await new SignJWT({ kind: 'US_GOVERNMENT', agency: 'CISA', sub: 'x' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'iag-internal+jwt' }).setIssuer('iag-gateway').setAudience('cisa')
      .setIssuedAt().setExpirationTime('1m').sign(key);
    const { status } = await hub.post('{ countries(first: 1) { totalCount } }', undefined, { authorization: `Bearer ${internal}` });
    expect(status).toBe(401);
  });

  describe.each(['cisa', 'dhs', 'state', 'partners'])('the %s subgraph, called around the gateway', (name) => {
    const ask = (authorization?: string) =>
      fetch(hub.subgraphs[name].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ _service { sdl } _entities(representations: [{ __typename: "Country", code: "NL" }]) { __typename } }' }),
      });
    const internalToken = async (claims: Record<string, unknown>, audience = name, privateJwk = hub.internalKeys.privateJwk) =>
      new SignJWT({ kind: 'US_GOVERNMENT', agency: 'CISA', sub: 'cisa:analyst-1', scope: 'dependencies:read', ...claims })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'iag-internal+jwt' }).setIssuer('iag-gateway').setAudience(audience)
        .setIssuedAt().setExpirationTime((claims.exp as number) ?? '1m').sign(await importJWK(privateJwk, 'EdDSA'));

    it('answers nothing without a token', async () => {
      const res = await ask();
      expect(res.status).toBe(401);
      expect(JSON.stringify(await res.json())).not.toContain('sdl');
    });
    it('refuses an expired internal token', async () => {
      const res = await ask(`Bearer ${await internalToken({ exp: Math.floor(Date.now() / 1000) - 120 })}`);
      expect(res.status).toBe(401);
    });
    it('refuses an internal token forged with another key', async () => {
      const forger = await generateKeyPair('EdDSA', { extractable: true });
      const { exportJWK } = await import('jose');
      const res = await ask(`Bearer ${await internalToken({}, name, await exportJWK(forger.privateKey))}`);
      expect(res.status).toBe(401);
    });
    it("refuses a token meant for another subgraph, and a caller's own token", async () => {
      const other = name === 'cisa' ? 'dhs' : 'cisa';
      expect((await ask(`Bearer ${await internalToken({}, other)}`)).status).toBe(401);
      expect((await ask(`Bearer ${await hub.tokenFor(personas['cisa-analyst'])}`)).status).toBe(401);
    });
    it('answers the gateway-signed token', async () => {
      const res = await ask(`Bearer ${await internalToken({})}`);
      expect(res.status).toBe(200);
    });
  });
});

describe('audit', () => {
  it("records a partner's read of an AMBER product in CISA's append-only log", async () => {
    await hub.as(personas['partner-nl'], '{ threatProduct(id: "tp-23") { id } }');
    const { body } = await hub.as(personas['cisa-analyst'], '{ cisaAuditLog(objectId: "tp-23", first: 10) { edges { node { principalSub operation objectType } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.cisaAuditLog.edges.map((e: any) => e.node)).toContainEqual({
      principalSub: 'nl-ncsc:duty-officer',
      operation: 'read',
      objectType: 'ThreatProduct',
    });
  });

  it("is readable only by the owning agency's auditors", async () => {
    const { body } = await hub.as(personas['dhs-coordinator'], '{ cisaAuditLog(first: 1) { totalCount } }');
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });
});
