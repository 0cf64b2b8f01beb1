// The explorer's routes over real HTTP, without a browser: a gateway over the committed supergraph,
// no subgraph running (`__typename` and introspection are answered by the gateway alone).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairJwk } from '@iag/kit/auth';
import { createLogger } from '@iag/kit/http';
import { personas } from '../auth/personas';
import { parseGatewayConfig } from '../config';
import { createGatewayServer, type GatewayServer } from '../server';

const SUPERGRAPH = new URL('../../../schema/supergraph.graphql', import.meta.url).pathname;
const README = new URL('../../../README.md', import.meta.url);
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Running {
  origin: string;
  server: GatewayServer;
}

const dir = mkdtempSync(join(tmpdir(), 'iag-explorer-'));
let development: Running;
let production: Running;
let externalIssuerInDevelopment: Running;

async function start(env: Record<string, string>): Promise<Running> {
  const config = parseGatewayConfig({ SUPERGRAPH_PATH: SUPERGRAPH, SUPERGRAPH_WATCH: 'false', ...env });
  const server = await createGatewayServer(config, createLogger('gateway', 'silent'), { devKeysDir: join(dir, 'keys/') });
  const listening = await server.listen(0, '127.0.0.1');
  return { origin: `http://127.0.0.1:${listening.port}`, server };
}

beforeAll(async () => {
  const internal = JSON.stringify((await generateKeyPairJwk('EdDSA')).privateJwk);
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const external = {
    AUTH_ISSUER: 'https://idp.test.invalid/',
    AUTH_AUDIENCE: 'hub',
    AUTH_PUBLIC_KEY: await exportSPKI(issuer.publicKey),
    AUTH_ALGORITHMS: 'ES256',
    INTERNAL_JWT_PRIVATE_KEY: internal,
  };
  [development, production, externalIssuerInDevelopment] = await Promise.all([
    start({ INTERNAL_JWT_PRIVATE_KEY: internal }),
    start({ NODE_ENV: 'production', ...external }),
    start(external),
  ]);
});
afterAll(async () => {
  await Promise.all([development, production, externalIssuerInDevelopment].map((r) => r?.server.close()));
  rmSync(dir, { recursive: true, force: true });
});

const page = (origin: string) => fetch(`${origin}/graphql`, { headers: { accept: browserAccept } });
const assetUrls = (html: string) => [...html.matchAll(/(?:src|href)="(\/explorer\/assets\/[^"]+)"/g)].map((m) => m[1]);

describe('the explorer page', () => {
  it('is what a browser gets at /graphql, under a strict Content-Security-Policy', async () => {
    const res = await page(development.origin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    const html = await res.text();
    expect(html).toContain('Bearer token');
    // Every script is a file of ours: nothing inline, nothing from another host.
    expect(html.match(/<script\b[^>]*>/g)!.every((tag) => /src="\/explorer\/assets\//.test(tag))).toBe(true);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(assetUrls(html)).toHaveLength(6);
  });

  it('offers the development personas only in development', async () => {
    const dev = await (await page(development.origin)).text();
    for (const name of Object.keys(personas)) expect(dev).toContain(`<option value="${name}"`);
    for (const other of [production, externalIssuerInDevelopment]) {
      const html = await (await page(other.origin)).text();
      expect(html).toContain('Bearer token');
      expect(html).not.toContain('iag-persona');
    }
  });

  it('serves its assets with their content types, long-lived caching, and nothing remote in the CSS', async () => {
    const html = await (await page(development.origin)).text();
    for (const url of assetUrls(html)) {
      const res = await fetch(`${development.origin}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe(url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await res.text();
      expect(body.length).toBeGreaterThan(100);
      if (url.endsWith('.css')) expect(body).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//);
    }
    expect((await fetch(`${development.origin}/explorer/assets/graphiql.js`)).status).toBe(404);
  });

  it("opens on README's country brief", async () => {
    const readmeQuery = /## The query that shows why it exists[\s\S]*?```graphql\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))![1];
    const html = await (await page(development.origin)).text();
    const script = assetUrls(html).find((u) => /\/explorer\.[0-9a-f]+\.js$/.test(u))!;
    expect(await (await fetch(`${development.origin}${script}`)).text()).toContain(readmeQuery);
  });
});

describe('GraphQL at the same path is unaffected', () => {
  it('answers a JSON POST', async () => {
    const res = await fetch(`${development.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: browserAccept },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it.each(['application/json', 'application/graphql-response+json', '*/*'])('answers GET ?query= with Accept %s', async (accept) => {
    // The preflight header is Apollo's CSRF prevention, which a GET must pass with or without the explorer.
    const res = await fetch(`${development.origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the development token route', () => {
  const devToken = (origin: string, persona: string) => fetch(`${origin}/explorer/dev-token?persona=${encodeURIComponent(persona)}`);

  it('hands out a persona token the gateway accepts, never cached', async () => {
    const res = await devToken(development.origin, 'cisa-analyst');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token } = (await res.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'cisa:analyst-1', iss: 'urn:iag:dev-issuer' });
    const answer = await fetch(`${development.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(200);
  });

  it('has no token for anonymous, and refuses an unknown persona with a coded error', async () => {
    expect(await (await devToken(development.origin, 'anonymous')).json()).toMatchObject({ token: null });
    for (const name of ['root', '__proto__', 'toString', '']) {
      const res = await devToken(development.origin, name);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('does not exist in production, nor with an external issuer', async () => {
    for (const other of [production, externalIssuerInDevelopment]) {
      const res = await devToken(other.origin, 'cisa-analyst');
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('token');
    }
  });
});
