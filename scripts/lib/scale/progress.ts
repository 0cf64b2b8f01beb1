// How `pnpm seed --scale` shows progress: one line rewritten in place on a terminal, and in a log
// (CI, a pipe) one line per table per tenth, so the log stays short.
import { progressLine } from './insert';

export { progressLine };

export function progressPrinter(stream: NodeJS.WriteStream): { line: (line: string) => void; end: () => void } {
  const shown = new Map<string, number>();
  let open = false;
  return {
    line(line) {
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
        open = true;
        return;
      }
      const match = /^(.*) ([\d,]+)\/([\d,]+)$/.exec(line);
      if (!match) return void stream.write(`${line}\n`);
      const [done, total] = [match[2], match[3]].map((v) => Number(v.replace(/,/g, '')));
      const tenth = Math.floor((10 * done) / total);
      if (tenth > (shown.get(match[1]) ?? -1)) {
        shown.set(match[1], tenth);
        stream.write(`${line}\n`);
      }
    },
    end() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
