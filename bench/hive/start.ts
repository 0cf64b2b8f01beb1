// Starts Hive Gateway (@graphql-hive/gateway 2.15.1) as the benchmark's peer: the same supergraph and
// subgraphs as our gateway, the same identity work per request (bench/hive/gateway.config.ts).
// It imports nothing from @graphql-hive/gateway, so the workspace typechecks without it installed;
// the package is installed here, on first use, outside the workspace (bench/hive/README.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';

export interface HivePeerOptions {
  supergraphPath: string;
  port: number;
  /** Subgraph URL overrides, keyed by subgraph name (`cisa`) or by variable (`CISA_URL`). */
  subgraphUrls: Record<string, string>;
  /** Ed25519 private JWK the internal tokens are signed with (the subgraphs hold its public half). */
  internalPrivateJwk: JWK;
  /** Public JWK of the callers' token issuer. */
  callerPublicJwk: JWK;
  issuer: string;
  audience: string;
  algorithms: string[];
  /** Extra environment for the gateway process (it inherits this process's otherwise). */
  env?: Record<string, string>;
}

export interface HivePeer {
  /** The GraphQL endpoint. */
  url: string;
  /** The process serving requests (a single process: --fork 1), for CPU and memory readings. */
  pid: number;
  stop(): Promise<void>;
}

export const HIVE_DIR = fileURLToPath(new URL('.', import.meta.url));
const BIN = resolve(HIVE_DIR, 'node_modules/@graphql-hive/gateway/dist/bin.js');
const CONFIG = resolve(HIVE_DIR, 'gateway.config.ts');
const READY_TIMEOUT_MS = 60_000;

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    // pnpm's progress goes to stderr: stdout stays the caller's (a harness may print results there).
    const child = spawn(command, args, { cwd, stdio: ['ignore', 2, 2] });
    child.once('error', fail);
    child.once('exit', (code, signal) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/**
 * Installs bench/hive once. bench/hive/pnpm-workspace.yaml makes it a workspace root of its own, so
 * this never touches the root workspace (and reads its build-script decisions; see the README for
 * why not `--ignore-workspace`).
 */
export async function installHive(): Promise<void> {
  if (existsSync(BIN)) return;
  process.stderr.write('installing @graphql-hive/gateway (about 500 MB, once)…\n');
  const started = Date.now();
  await run('pnpm', ['install', '--frozen-lockfile', '--dir', HIVE_DIR], HIVE_DIR);
  if (!existsSync(BIN)) throw new Error(`pnpm install finished but ${BIN} is missing`);
  process.stderr.write(`installed @graphql-hive/gateway in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function urlVariables(subgraphUrls: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, url] of Object.entries(subgraphUrls)) {
    env[key.endsWith('_URL') ? key : `${key.toUpperCase()}_URL`] = url;
  }
  return env;
}

function subgraphNames(subgraphUrls: Record<string, string>): string {
  const names = new Set(['cisa', 'dhs', 'state', 'partners']);
  for (const key of Object.keys(subgraphUrls)) names.add(key.replace(/_URL$/, '').toLowerCase());
  return [...names].join(',');
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json()) as { data?: { __typename?: string } };
    return response.ok && body.data?.__typename === 'Query';
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

export async function startHivePeer(options: HivePeerOptions): Promise<HivePeer> {
  await installHive();
  const supergraphPath = isAbsolute(options.supergraphPath) ? options.supergraphPath : resolve(options.supergraphPath);
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...options.env,
    ...urlVariables(options.subgraphUrls),
    HIVE_PEER_SUBGRAPHS: subgraphNames(options.subgraphUrls),
    HIVE_PEER_ISSUER: options.issuer,
    HIVE_PEER_AUDIENCE: options.audience,
    HIVE_PEER_ALGORITHMS: options.algorithms.join(','),
    HIVE_PEER_CALLER_PUBLIC_JWK: JSON.stringify(options.callerPublicJwk),
    HIVE_PEER_INTERNAL_PRIVATE_JWK: JSON.stringify(options.internalPrivateJwk),
  };
  // The CLI reads these too; the command line below must win over an inherited value.
  for (const name of ['FORK', 'PORT', 'HOST', 'CONFIG_PATH', 'POLLING']) delete env[name];
  // Errors only (production-ish), whatever this process inherited; options.env may say otherwise.
  env.LOG_LEVEL = options.env?.LOG_LEVEL ?? 'error';

  // Node runs the CLI directly (no shell, no pnpm wrapper): the child's pid is the serving process.
  const child = spawn(
    process.execPath,
    [BIN, 'supergraph', supergraphPath, '--config-path', CONFIG, '--host', '127.0.0.1', '--port', String(options.port), '--fork', '1'],
    { cwd: HIVE_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Errors only are logged (logging: 'error'); they are passed on, and kept for a failed start.
  const tail: string[] = [];
  const relay = (chunk: Buffer) => {
    const text = chunk.toString();
    tail.push(text);
    if (tail.length > 50) tail.shift();
    process.stderr.write(text.replace(/^(?=.)/gm, 'hive | '));
  };
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);

  const url = `http://127.0.0.1:${options.port}/graphql`;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    })());

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Hive Gateway exited before answering (${child.signalCode ?? `exit code ${child.exitCode}`}):\n${tail.join('')}`);
    }
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Hive Gateway did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${tail.join('')}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { url, pid: child.pid!, stop };
}
