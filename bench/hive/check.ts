// pnpm exec tsx bench/hive/check.ts: shows that the Hive peer answers what our gateway answers.
//
// Uses a running hub (`pnpm start`: gateway on GATEWAY_URL, default http://127.0.0.1:4000/graphql)
// or, when none answers, starts one (`tsx scripts/start.ts`) and stops it at the end. Starts the Hive
// peer on a free port against the same subgraphs, sends the country brief as partner-nl, as
// cisa-analyst and anonymously to both, compares the `data` (and the errors' codes and paths), and
// checks that a forged token gets 401 from both. Exit code 1 when anything differs.
import { spawn, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT, generateKeyPair } from 'jose';
import { DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM, claimsFromPrincipal, loadOrCreateKeyFile, type Principal } from '@iag/kit/auth';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, loadDevIssuerKeys, signDevToken } from '../../gateway/src/auth/dev-issuer';
import { personas } from '../../gateway/src/auth/personas';
import { COUNTRY_BRIEF } from '../../test/country-brief.query';
import { startHivePeer, type HivePeer } from './start';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ours = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const SUBGRAPH_PORTS: Record<string, number> = { cisa: 4001, dhs: 4002, state: 4003, partners: 4004 };

async function up(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function startHub(): Promise<ChildProcess> {
  console.log('No hub answers at', ours, '- starting one (tsx scripts/start.ts)...');
  const hub = spawn(process.execPath, [fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url)), 'scripts/start.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const health = new URL('/health', ours).toString();
  const deadline = Date.now() + 240_000;
  while (!(await up(health))) {
    if (hub.exitCode !== null) throw new Error(`pnpm start exited (code ${hub.exitCode})`);
    if (Date.now() > deadline) throw new Error('the hub did not start within 240 s');
    await new Promise((done) => setTimeout(done, 500));
  }
  return hub;
}

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };
  ms: number;
}

async function ask(url: string, token: string | undefined, variables: Record<string, unknown>): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: COUNTRY_BRIEF, variables }),
  });
  const body = (await response.json()) as Answer['body'];
  return { status: response.status, body, ms: performance.now() - started };
}

const errorSummary = (a: Answer) =>
  (a.body.errors ?? []).map((e) => `${e.extensions?.code ?? '?'}@${(e.path ?? []).join('.')}`).sort();
// Hive reports an error of an entity field inside a list without the list index
// (country.organizations.maturity, where ours says country.organizations.0.maturity): compared
// without indices, and the difference is printed.
const errorShape = (a: Answer) =>
  (a.body.errors ?? []).map((e) => `${e.extensions?.code ?? '?'}@${(e.path ?? []).filter((p) => typeof p === 'string').join('.')}`).sort();

let hub: ChildProcess | undefined;
let peer: HivePeer | undefined;
let failed = false;
const report = (ok: boolean, line: string) => {
  if (!ok) failed = true;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
};

try {
  if (!(await up(new URL('/health', ours).toString()))) hub = await startHub();

  const devIssuer = await loadDevIssuerKeys();
  const internal = await loadOrCreateKeyFile(DEV_INTERNAL_KEY_FILE, INTERNAL_ALGORITHM);
  const subgraphUrls = Object.fromEntries(
    Object.entries(SUBGRAPH_PORTS).map(([name, port]) => [name, process.env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}/graphql`]),
  );
  const port = await freePort();
  const started = Date.now();
  peer = await startHivePeer({
    supergraphPath: fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)),
    port,
    subgraphUrls,
    internalPrivateJwk: internal.privateJwk,
    callerPublicJwk: devIssuer.publicJwk,
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    algorithms: [DEV_ALGORITHM],
  });
  console.log(`Hive peer up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${peer.url} (pid ${peer.pid}); ours: ${ours}\n`);

  const token = async (name: string) => {
    const { description: _d, ...principal } = personas[name];
    return principal.kind === 'ANONYMOUS' ? undefined : signDevToken(devIssuer.privateJwk, principal as Principal, 600);
  };

  for (const persona of ['partner-nl', 'cisa-analyst', 'anonymous']) {
    const bearer = await token(persona);
    for (const code of ['NL', 'DE']) {
      const [a, b] = [await ask(ours, bearer, { code }), await ask(peer.url, bearer, { code })];
      // Twice: the first request of a gateway warms its plans and connections.
      const [a2, b2] = [await ask(ours, bearer, { code }), await ask(peer.url, bearer, { code })];
      const sameData = a.status === 200 && b.status === 200 && isDeepStrictEqual(a.body.data, b.body.data) && isDeepStrictEqual(a2.body.data, b2.body.data);
      const sameErrors = isDeepStrictEqual(errorShape(a), errorShape(b)) && isDeepStrictEqual(errorShape(a2), errorShape(b2));
      const samePaths = isDeepStrictEqual(errorSummary(a), errorSummary(b));
      const json = JSON.stringify(a.body.data ?? null);
      report(
        sameData && sameErrors,
        `${persona.padEnd(13)} ${code}: data ${sameData ? 'equal' : 'DIFFERENT'} (${json.length} bytes), ` +
          `errors ${sameErrors ? 'equal' : 'DIFFERENT'} [${errorSummary(a).join(', ')}]` +
          `${samePaths ? '' : ` (hive's paths: [${errorSummary(b).join(', ')}])`}, ` +
          `second request ${a2.ms.toFixed(0)} ms ours / ${b2.ms.toFixed(0)} ms hive`,
      );
      if (!sameData) {
        console.log('  ours:', JSON.stringify(a.body).slice(0, 600));
        console.log('  hive:', JSON.stringify(b.body).slice(0, 600));
      }
    }
  }

  // Right issuer, audience, claims and kid, signed by a key that is not the issuer's.
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM);
  const { description: _d, ...analyst } = personas['cisa-analyst'];
  const forged = await new SignJWT(claimsFromPrincipal(analyst as Principal))
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: devIssuer.privateJwk.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
  for (const [name, bearer] of [['forged token', forged], ['garbage token', 'not-a-jwt']] as const) {
    const [a, b] = [await ask(ours, bearer, { code: 'NL' }), await ask(peer.url, bearer, { code: 'NL' })];
    report(
      a.status === 401 && b.status === 401 && isDeepStrictEqual(a.body, b.body),
      `${name.padEnd(13)}: ours ${a.status} ${JSON.stringify(a.body)}, hive ${b.status} ${JSON.stringify(b.body)}`,
    );
  }
} catch (error) {
  failed = true;
  console.error(`check failed: ${(error as Error).stack ?? error}`);
} finally {
  await peer?.stop();
  if (hub && hub.exitCode === null) {
    hub.kill('SIGTERM');
    await new Promise((done) => hub!.once('exit', done));
  }
  console.log(`\n${failed ? 'FAILED' : 'All checks passed'}; everything this check started is stopped.`);
  process.exitCode = failed ? 1 : 0;
}
