// docs/adding-a-subgraph.md, run as a newcomer would, on a copy of this working tree: install,
// `pnpm new-subgraph energy`, `pnpm compose`, `pnpm start` on free ports, a joint query with State
// through the gateway with a development token, and the generated subgraph's own tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './processes';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SKIPPED = new Set(['node_modules', '.data', '.git']);

/**
 * What the children inherit: this environment without vitest's variables and without any setting
 * that would point the copy's hub at other databases, ports or keys. TEST_DATABASE_URL is emptied
 * so that the generated tests run once, on PGlite.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^VITEST|^NODE_ENV$|_(DATABASE_URL|PORT|URL|DATA_DIR|HOST)$|^(AUTH_|INTERNAL_JWT_|SUPERGRAPH_|SEED_DEMO|START_TIMEOUT|TRUSTED_SERVICES)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, TEST_DATABASE_URL: '', ...extra };
}

/** Runs a command to its end; resolves with its exit code and output (never rejects on a failure). */
function run(command: string, args: string[], cwd: string, env = cleanEnv()): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += String(error)));
    child.on('close', (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

/** Resolves when `pattern` shows in the child's output; rejects if the child exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => pattern.test(log()) && resolve();
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`pnpm start exited (${code}) before it was up:\n${log()}`)));
  });
}

async function post(url: string, query: string, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

// Runs once, in the PGlite project (vitest.config.ts): the copy's hub uses PGlite data folders of
// its own, so TEST_DATABASE_URL would change nothing in it.
describe('pnpm new-subgraph (docs/adding-a-subgraph.md, end to end)', () => {
  let copy = '';
  const timings: Record<string, number> = {};
  let hub: ChildProcess | undefined;
  let hubExited: Promise<unknown> = Promise.resolve();

  afterAll(async () => {
    if (hub && hub.exitCode === null) {
      // Ctrl-C in a terminal signals the whole foreground group: pnpm, start.ts and every service.
      process.kill(-hub.pid!, 'SIGINT');
      const stopped = await Promise.race([hubExited.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]);
      if (!stopped) process.kill(-hub.pid!, 'SIGKILL');
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'new-subgraph-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    console.log(`new-subgraph timings (ms): ${JSON.stringify(timings)}`);
  }, 60_000);

  it('scaffolds a subgraph that composes, starts and answers a joint query with State', async () => {
    const step = async (name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) => {
      const result = await run(command, args, copy, env);
      timings[name] = result.ms;
      expect(result.code, `${name} failed:\n${result.output}`).toBe(0);
      return result.output;
    };

    const testStarted = Date.now();
    let started = Date.now();
    copy = mkdtempSync(join(tmpdir(), 'iag-new-subgraph-'));
    cpSync(root, copy, {
      recursive: true,
      filter: (source) => {
        const path = relative(root, source);
        return !path.split(sep).some((part) => SKIPPED.has(part)) && path !== join('test', 'artifacts');
      },
    });
    timings.copy = Date.now() - started;

    // The local store already holds every package: this links, it does not download.
    await step('install', 'pnpm', ['install', '--offline', '--frozen-lockfile=false']);
    const generated = await step('new-subgraph', 'pnpm', ['new-subgraph', 'energy', '--owner', 'Department of Energy']);
    expect(generated).toMatch(/\[5\/5\] done/);
    expect(readFileSync(join(copy, 'scripts/subgraphs.ts'), 'utf8')).toMatch(/name: 'energy', port: 4005/);
    await step('compose', 'pnpm', ['compose']);
    expect(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8')).toMatch(/energySites/);

    // Only State (which owns Country) and the new subgraph run: the joint query needs no other, and
    // seeding the other three (CISA loads the KEV catalog) would be most of the test's time. The
    // generated subgraph's own tests run meanwhile.
    const generatedTests = step('generatedTests', 'pnpm', ['vitest', 'run', 'subgraphs/energy']);

    // Free ports for everything, so that a hub already running on this machine is left alone.
    const names = [...readFileSync(join(copy, 'scripts/subgraphs.ts'), 'utf8').matchAll(/name: '([a-z0-9]+)', port/g)].map((m) => m[1]);
    const ports: Record<string, string> = { GATEWAY_PORT: String(await freePort()) };
    for (const name of names) ports[`${name.toUpperCase()}_PORT`] = String(await freePort());
    started = Date.now();
    let log = '';
    hub = spawn('pnpm', ['start', '--only', 'state,energy'], { cwd: copy, env: cleanEnv({ ...ports, SEED_DEMO: 'true', START_TIMEOUT_SECONDS: '300' }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    hubExited = new Promise((resolve) => hub!.once('exit', resolve));
    hub.stdout!.on('data', (chunk) => (log += chunk));
    hub.stderr!.on('data', (chunk) => (log += chunk));
    await waitForOutput(hub, /Interagency Graph is up/, () => log);
    timings.start = Date.now() - started;
    const gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
    expect((await fetch(`http://127.0.0.1:${ports.GATEWAY_PORT}/health`)).ok).toBe(true);

    const token = (await step('token', 'pnpm', ['--silent', 'run', 'token', 'cisa-analyst'])).trim();
    const joint = '{ country(code: "NL") { name energySites(first: 5) { totalCount edges { node { name } } } } }';
    started = Date.now();
    const answer = await post(gateway, joint, token);
    timings.jointQuery = Date.now() - started;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.country.name).toBe('Netherlands');
    expect(answer.data.country.energySites.totalCount).toBe(2);
    expect(answer.data.country.energySites.edges.map((e: any) => e.node.name)).toEqual(['Eemshaven site', 'Maasvlakte harbour site']);
    // Anonymous: State's public country data still arrives; the new field is refused, alone.
    const anonymous = await post(gateway, joint);
    expect(anonymous.data.country).toEqual({ name: 'Netherlands', energySites: null });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    await generatedTests;
    timings.total = Date.now() - testStarted;
  }, 600_000);
});
