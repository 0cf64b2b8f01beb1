import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./fixtures/noisy-shutdown.ts', import.meta.url));

/** Runs the fixture, sends SIGTERM once it listens, and returns what it printed and its exit code. */
async function shutDown(): Promise<{ lines: Array<{ msg: string }>; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let signalled = false;
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
    if (!signalled && out.includes('"msg":"listening"')) {
      signalled = true;
      child.kill('SIGTERM');
    }
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string });
  return { lines, code };
}

describe('runProcess', () => {
  it('exits 0 after every line of the shutdown is written, in the order it was logged', async () => {
    // Several shutdowns: the lost order depended on a write being in flight at exit.
    for (let round = 0; round < 3; round += 1) {
      const { lines, code } = await shutDown();
      expect(code).toBe(0);
      expect(lines.map((l) => l.msg)).toEqual(['listening', 'draining and stopping', 'database closed', 'stopped']);
    }
  }, 60_000);
});
