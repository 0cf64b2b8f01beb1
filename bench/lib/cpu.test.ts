import { describe, expect, it } from 'vitest';
import { parseListeningPorts, parseProcStat, treeTicks } from './cpu';

describe('parseProcStat', () => {
  it('reads pid, ppid and utime + stime, also with spaces and parentheses in the name', () => {
    const line = '4242 (node (tsx) x) S 4000 4242 4000 0 -1 4194560 1234 0 0 0 150 25 3 4 20 0 11 0 5000 1000000 2000 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4000, ticks: 175 });
  });
  it('refuses what is not a stat line', () => {
    expect(() => parseProcStat('garbage')).toThrow();
  });
});

describe('treeTicks', () => {
  it('sums a process and its descendants only', () => {
    const stats = [
      { pid: 1, ppid: 0, ticks: 1000 },
      { pid: 10, ppid: 1, ticks: 5 },
      { pid: 11, ppid: 10, ticks: 7 },
      { pid: 12, ppid: 10, ticks: 3 },
      { pid: 20, ppid: 1, ticks: 100 },
    ];
    expect(treeTicks(stats, 10)).toBe(15);
    expect(treeTicks(stats, 99)).toBeUndefined();
  });
});

describe('parseListeningPorts', () => {
  it('keeps LISTEN sockets with their inode', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:0FA0 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 55501 1 0 100 0 0 10 0',
      '   1: 0100007F:0FA1 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 55502 1 0 20 4 30 10 -1',
    ].join('\n');
    expect([...parseListeningPorts(text)]).toEqual([[4000, '55501']]);
  });
});
