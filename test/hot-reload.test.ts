// The gateway takes a new supergraph without a restart: on a file change (watched) and on SIGHUP,
// without dropping requests in flight, and it refuses a supergraph that does not load while the
// previous one keeps serving.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairJwk } from '@iag/kit/auth';
import { personas } from '../gateway/src/auth/personas';
import { composeSupergraph, defaultSubgraphUrl } from '../scripts/lib/compose';
import { subgraphs } from '../scripts/subgraphs';
import { capturedLogger } from './captured-logs';
import { startHub, type Hub } from './hub';
import { freePort } from './processes';

const analyst = personas['cisa-analyst'];
// Valid in both supergraphs below: the load that must never see a failure.
const STEADY = `query Steady($code: ID!) { country(code: $code) { name dependencies(first: 5) { totalCount } } }`;
// Needs the partners subgraph: it tells which supergraph is serving.
const MATURITY = `{ country(code: "NL") { organizations { name maturity { level } } } }`;
const GARBAGE = 'this is not a supergraph {';

/** Polls until `check` holds (each poll is a real request), failing after `ms`. */
async function until(check: () => Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function composeWithout(hub: Hub, left: string) {
  const result = composeSupergraph(
    subgraphs
      .filter((s) => s.name !== left)
      .map((s) => ({ name: s.name, url: hub.subgraphs[s.name].url, sdl: hub.subgraphs[s.name].sdl })),
  );
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.supergraphSdl;
}

describe('supergraph hot reload in the gateway', () => {
  let hub: Hub;
  const { logger: gatewayLogger, lines: logs } = capturedLogger('gateway');
  beforeAll(async () => {
    hub = await startHub({}, { logger: gatewayLogger });
  });
  afterAll(() => hub?.close());

  const maturityServed = async () => {
    const { body } = await hub.as(analyst, MATURITY);
    return body.errors === undefined && body.data.country.organizations.length > 0;
  };

  it('follows file changes under load, drops nothing in flight, and keeps serving over a bad file', async () => {
    const full = readFileSync(hub.supergraphPath, 'utf8');
    const withoutPartners = composeWithout(hub, 'partners');
    expect(await maturityServed()).toBe(true);

    // Steady traffic from several clients across every swap.
    let running = true;
    const failures: unknown[] = [];
    let answered = 0;
    const codes = ['NL', 'DE', 'JP', 'US'];
    const workers = Array.from({ length: 6 }, async (_, worker) => {
      for (let i = 0; running; i++) {
        const { status, body } = await hub.as(analyst, STEADY, { code: codes[(worker + i) % codes.length] });
        if (status !== 200 || body.errors) failures.push({ status, errors: body.errors });
        else answered++;
      }
    });

    writeFileSync(hub.supergraphPath, withoutPartners);
    await until(async () => !(await maturityServed()), 'the supergraph without partners serves');
    const { body: refused } = await hub.as(analyst, MATURITY);
    expect(refused.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const rejectionsBefore = logs.filter((l) => l.msg.startsWith('supergraph rejected')).length;
    writeFileSync(hub.supergraphPath, GARBAGE);
    await until(async () => logs.filter((l) => l.msg.startsWith('supergraph rejected')).length > rejectionsBefore, 'the bad file is rejected');
    // Still the previous (partner-less) supergraph, not nothing.
    const { body: still } = await hub.as(analyst, STEADY, { code: 'NL' });
    expect(still.data.country.name).toBe('Netherlands');

    writeFileSync(hub.supergraphPath, full);
    await until(maturityServed, 'the full supergraph serves again');
    running = false;
    await Promise.all(workers);

    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(20);
    const reloads = logs.filter((l) => l.msg === 'supergraph reloaded');
    expect(reloads.length).toBeGreaterThanOrEqual(2);
    const rejected = logs.find((l) => l.msg.startsWith('supergraph rejected'))!;
    expect(rejected).toMatchObject({ level: 50, reason: 'file changed', path: hub.supergraphPath });
  });

  it('reloads on request (what SIGHUP calls) and says when nothing changed', async () => {
    expect(await hub.gateway.reloadSupergraph('test')).toBe('unchanged');
  });
});

describe('SIGHUP in a real gateway process', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'iag-sighup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a new supergraph on SIGHUP only, and rejects a bad one with a log line', async () => {
    // Composed from the committed subgraph schemas: the queries below are answered by the
    // gateway alone (introspection), so no subgraph needs to run.
    const compose = (names: string[]) => {
      const result = composeSupergraph(
        subgraphs
          .filter((s) => names.includes(s.name))
          .map((s) => ({ name: s.name, url: defaultSubgraphUrl(s.port), sdl: readFileSync(join(root, `schema/${s.name}.graphql`), 'utf8') })),
      );
      if (!result.ok) throw new Error(result.errors.join('\n'));
      return result.supergraphSdl;
    };
    const path = join(dir, 'supergraph.graphql');
    writeFileSync(path, compose(subgraphs.map((s) => s.name)));
    const port = await freePort();
    const internal = await generateKeyPairJwk('EdDSA');
    const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/index.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        GATEWAY_PORT: String(port),
        SUPERGRAPH_PATH: path,
        SUPERGRAPH_WATCH: 'false',
        LOG_LEVEL: 'info',
        // An external issuer, so the test leaves the checkout's development keys alone.
        AUTH_ISSUER: 'https://idp.test.invalid/',
        AUTH_AUDIENCE: 'test',
        AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
        INTERNAL_JWT_PRIVATE_KEY: JSON.stringify(internal.privateJwk),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const url = `http://127.0.0.1:${port}/graphql`;
      const hasType = async (name: string) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ __type(name: "${name}") { name } }` }),
        });
        const body = (await res.json()) as { data: { __type: unknown } };
        return body.data.__type !== null;
      };
      await until(async () => {
        if (child.exitCode !== null) throw new Error(`gateway exited:\n${output}`);
        return (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok === true;
      }, 'the gateway is up', 60_000);
      expect(await hasType('MaturityAssessment')).toBe(true);

      writeFileSync(path, compose(['cisa', 'dhs', 'state']));
      // Watching is off: nothing changes until the operator says so.
      expect(await hasType('MaturityAssessment')).toBe(true);
      child.kill('SIGHUP');
      await until(async () => !(await hasType('MaturityAssessment')), 'SIGHUP applied the new supergraph');
      expect(output).toMatch(/"reason":"SIGHUP".*"msg":"supergraph reloaded"/);

      writeFileSync(path, GARBAGE);
      child.kill('SIGHUP');
      await until(async () => output.includes('supergraph rejected'), 'the bad supergraph is rejected');
      expect(await hasType('Country')).toBe(true);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
