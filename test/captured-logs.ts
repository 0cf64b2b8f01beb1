// A gateway logger whose JSON lines tests can read: for asserting what operators would see.
import { Writable } from 'node:stream';
import { createLogger } from '@iag/kit/http';

export type LogLine = { msg: string; [key: string]: unknown };

/** A logger at `level` writing into `lines`, one parsed object per line. */
export function capturedLogger(name: string, level = 'info') {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(name, level, sink), lines };
}
