import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

export interface Service {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Prints a pino JSON line as `name | level message {extra}`; other lines as they are. */
function formatLine(name: string, line: string, raw: boolean): string {
  const tag = name.padEnd(9);
  if (raw) return `${tag}| ${line}`;
  try {
    const { level, msg, time: _t, pid: _p, hostname: _h, name: _n, service: _s, ...rest } = JSON.parse(line);
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    const label = LEVELS[level] ?? 'info';
    return `${tag}| ${label === 'info' ? '' : `${label.toUpperCase()} `}${msg ?? ''}${extra}`;
  } catch {
    return `${tag}| ${line}`;
  }
}

/** Starts a TypeScript entry file under tsx with its output prefixed by the service name. */
export function startService(
  name: string,
  entry: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; rawLogs: boolean },
): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => console.log(formatLine(name, line, options.rawLogs)));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Polls `url` until it answers 200, the service exits, or the deadline passes. */
export async function waitUntilHealthy(service: Service, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void service.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${service.name} exited before it was ready (see its log above)`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} was not ready after ${timeoutMs / 1000} s (${url})`);
}
