// CPU time of a process and its descendants, from /proc/<pid>/stat (utime + stime, in clock ticks).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

/** Parses one /proc/<pid>/stat line; the command name may contain spaces and parentheses. */
export function parseProcStat(line: string): ProcStat {
  const close = line.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  const pid = Number(line.slice(0, line.indexOf(' ')));
  // After ")": state(3) ppid(4) ... utime(14) stime(15): field n is index n-3.
  const fields = line.slice(close + 2).trim().split(/\s+/);
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (![pid, ppid, utime, stime].every(Number.isFinite)) throw new Error(`unreadable /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  return { pid, ppid, ticks: utime + stime };
}

let clockTicks: number | undefined;
/** Clock ticks per second (`getconf CLK_TCK`, 100 when that fails). */
export function clockTicksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

function readStat(pid: number | string): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Sums the ticks of `root` and every descendant in a list of stats. */
export function treeTicks(stats: ProcStat[], root: number): number | undefined {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const self = stats.find((s) => s.pid === root);
  if (!self) return undefined;
  let total = 0;
  const queue = [self];
  while (queue.length) {
    const s = queue.pop()!;
    total += s.ticks;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return total;
}

/** CPU milliseconds used so far by each pid and its descendants (undefined: no such process). */
export function cpuMillis(pids: Record<string, number | undefined>): Record<string, number | undefined> {
  const stats = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(readStat)
    .filter((s): s is ProcStat => s !== undefined);
  const hz = clockTicksPerSecond();
  const result: Record<string, number | undefined> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const ticks = pid === undefined ? undefined : treeTicks(stats, pid);
    result[name] = ticks === undefined ? undefined : (ticks * 1000) / hz;
  }
  return result;
}

/** Ports listening in /proc/net/tcp{,6} text, by socket inode. */
export function parseListeningPorts(text: string): Map<number, string> {
  const byPort = new Map<number, string>();
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || f[3] !== '0A') continue; // 0A: LISTEN
    const port = parseInt(f[1].split(':').pop()!, 16);
    byPort.set(port, f[9]);
  }
  return byPort;
}

/** The pid of the process listening on each port, when this user may see it (else undefined). */
export function pidsListeningOn(ports: number[]): Map<number, number | undefined> {
  const inodes = new Map<string, number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const [port, inode] of parseListeningPorts(text)) if (ports.includes(port)) inodes.set(`socket:[${inode}]`, port);
  }
  const found = new Map<number, number | undefined>(ports.map((p) => [p, undefined]));
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const port = inodes.get(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (port !== undefined && found.get(port) === undefined) found.set(port, Number(pid));
      } catch {
        // gone
      }
    }
  }
  return found;
}
