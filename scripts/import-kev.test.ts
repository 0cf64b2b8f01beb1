// `pnpm import:kev` as a user runs it: a child process against a database of its own, fed by a
// local HTTP server (never the internet) or a file.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@iag/kit';
import { createTestDatabase, type TestDatabase } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kevCatalogs, schema } from '../subgraphs/cisa/src/db/schema';
import { KEV_CATALOG_FILE } from '../subgraphs/cisa/src/seed-threat-intel';

const root = fileURLToPath(new URL('..', import.meta.url));
let testDb: TestDatabase;
let dataDir: string;
let server: Server;
let base: string;
let text: string;

/** Runs the script; resolves with its exit code and output, never rejects. */
function importKev(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, INIT_CWD: root, ...(testDb.url ? { CISA_DATABASE_URL: testDb.url } : { CISA_DATA_DIR: dataDir }) };
  return new Promise((done) => {
    execFile(join(root, 'node_modules/.bin/tsx'), ['scripts/import-kev.ts', ...args], { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  text = await readFile(KEV_CATALOG_FILE, 'utf8');
  testDb = await createTestDatabase('import_kev');
  dataDir = await mkdtemp(join(tmpdir(), 'import-kev-'));
  server = createServer((req, res) => {
    if (req.url === '/kev.json') res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    else if (req.url === '/half.json') res.writeHead(200, { 'content-type': 'application/json' }).end(text.slice(0, text.length / 2));
    else if (req.url === '/cut.json') {
      // Announces the whole catalog, sends half, hangs up: a dropped connection.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, text.length / 2), () => res.destroy());
    } else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  await rm(dataDir, { recursive: true, force: true });
  await testDb?.drop();
});

describe('pnpm import:kev', () => {
  it('says in --help that it takes a file or a URL, and its exit codes', async () => {
    const { code, stdout } = await importKev('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/<file-or-url>/);
    expect(stdout).toMatch(/http\(s\) URL/);
    expect(stdout).toMatch(/Exit codes: 0 imported, 1 failed \(database\), 2 .*\n.*HTTP error status/);
  });

  it('fails with exit code 2 and a clear message on an HTTP error, a dropped or refused connection', async () => {
    const notFound = await importKev(`${base}/missing.json`);
    expect(notFound).toMatchObject({ code: 2, stderr: expect.stringContaining(`${base}/missing.json: HTTP 404 Not Found`) });
    const cut = await importKev(`${base}/cut.json`);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain(`${base}/cut.json: `);
    expect(cut.stderr).not.toMatch(/Importing/);
    const closed = createServer();
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const refused = await importKev(`http://127.0.0.1:${port}/kev.json`);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining(`${port}/kev.json: connection refused (ECONNREFUSED)`) });
  });

  it('fails with exit code 3 when the body is not JSON (a truncated catalog)', async () => {
    const { code, stderr } = await importKev(`${base}/half.json`);
    expect(code).toBe(3);
    expect(stderr).toContain(`${base}/half.json: Invalid KEV catalog: it is not valid JSON`);
  });

  it('downloads and imports a catalog from a URL, showing progress, and records its version and source', async () => {
    const catalog = JSON.parse(text);
    const { code, stdout, stderr } = await importKev(`${base}/kev.json`);
    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringMatching(/Downloaded http:.*kB \(application\/json\)/) });
    expect(stderr).toContain(`Importing ${catalog.count} entries of catalog ${catalog.catalogVersion}`);
    expect(stdout).toContain(`added ${catalog.count}, updated 0, unchanged 0 (catalog ${catalog.catalogVersion})`);
    // The file path still works, and the record names the file, not the whole path.
    const copy = join(dataDir, 'kev-copy.json');
    await copyFile(KEV_CATALOG_FILE, copy);
    const again = await importKev(copy);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining(`unchanged ${catalog.count}`) });
    const database = await openDatabase({ schema, url: testDb.url, dataDir: testDb.url ? undefined : dataDir });
    try {
      const rows = await database.db.select().from(kevCatalogs);
      expect(rows).toEqual([expect.objectContaining({ version: catalog.catalogVersion, source: 'kev-copy.json', count: catalog.count, unchanged: catalog.count })]);
    } finally {
      await database.close();
    }
  });
});
