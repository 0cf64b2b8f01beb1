// Real subgraph processes for tests that kill them: spawned as `pnpm start` does, with their
// JSON logs captured so a test can wait for what they say.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningService {
  child: ChildProcess;
  logs: string[];
  /** SIGKILL: no drain, no clean close, as a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM, and wait for the process to end. */
  stop(): Promise<void>;
}

/** Starts `subgraphs/<name>/src/index.ts` and resolves once its health check answers. */
export async function startSubgraphProcess(name: string, port: number, env: Record<string, string>): Promise<RunningService> {
  return startProcess(name, `subgraphs/${name}/src/index.ts`, port, { ...env, [`${name.toUpperCase()}_PORT`]: String(port) });
}

/**
 * Starts `gateway/src/index.ts` and resolves once its health check answers. Give it an external
 * issuer (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL) so the checkout's `.data/keys` stay untouched.
 */
export async function startGatewayProcess(port: number, env: Record<string, string>): Promise<RunningService> {
  return startProcess('gateway', 'gateway/src/index.ts', port, { NODE_ENV: 'development', ...env, GATEWAY_PORT: String(port) });
}

async function startProcess(name: string, script: string, port: number, env: Record<string, string>): Promise<RunningService> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout!.on('data', (chunk) => logs.push(String(chunk)));
  child.stderr!.on('data', (chunk) => logs.push(String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Generous: on a loaded machine, building the schema alone can take most of a minute.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting:\n${logs.join('')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${logs.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    logs,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls `check` until it returns true or the deadline passes; no fixed sleeps. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
