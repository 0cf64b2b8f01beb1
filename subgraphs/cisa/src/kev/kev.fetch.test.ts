import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCatalogText } from './kev.fetch';

let server: Server;
let base: string;
const body = JSON.stringify({ padding: 'x'.repeat(10_000) });

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end(body), 2_000);
    // Chunked, without a length: the limit must hold while reading, not only against the header.
    if (req.url === '/unannounced') return void res.writeHead(200, { 'transfer-encoding': 'chunked' }).end(body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((closed) => server?.close(closed)));

describe('fetchCatalogText', () => {
  it('returns the body, reporting progress', async () => {
    const seen: number[] = [];
    const { text, contentType } = await fetchCatalogText(`${base}/ok`, { onProgress: (received) => seen.push(received) });
    expect(text).toBe(body);
    expect(contentType).toBe('application/json');
    expect(seen.at(-1)).toBe(Buffer.byteLength(body));
  });

  it('refuses a body over the limit, announced or not', async () => {
    for (const path of ['/ok', '/unannounced']) {
      const error = await fetchCatalogText(`${base}${path}`, { maxBytes: 1_000 }).catch((e) => e);
      expect(error).toMatchObject({ kind: 'too-large', message: expect.stringContaining('more than the limit') });
    }
  });

  it('gives up after the timeout', async () => {
    const error = await fetchCatalogText(`${base}/slow`, { timeoutMs: 200 }).catch((e) => e);
    expect(error).toMatchObject({ kind: 'timeout', message: `${base}/slow: no complete answer within 0.2 s` });
  });
});
