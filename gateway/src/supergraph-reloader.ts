import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@iag/kit/http';

export type ReloadOutcome = 'applied' | 'unchanged' | 'rejected';

/** A short, stable name for one supergraph, to say in logs which one is serving. */
export const supergraphId = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 12);

/**
 * Keeps the gateway on the newest valid `schema/supergraph.graphql`, re-read on a file change or
 * on `reload()` (SIGHUP). Apollo Gateway validates a new supergraph before it swaps, and requests
 * already planned finish on the plan they started with, so nothing in flight is dropped; a
 * supergraph that fails to load is logged and the previous one keeps serving.
 */
export class SupergraphReloader {
  private sdl: string;
  private update?: (sdl: string) => void;
  private watcher?: FSWatcher;
  private debounce?: NodeJS.Timeout;
  // Reloads run one at a time: Apollo refuses an update while another is being applied.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly checks: Array<(sdl: string) => void> = [];

  constructor(
    readonly path: string,
    private readonly logger: Logger,
  ) {
    // The first supergraph must load: a gateway with no schema has nothing to serve.
    this.sdl = readFileSync(path, 'utf8');
  }

  /** The supergraph now serving. */
  current(): string {
    return this.sdl;
  }

  /** A check every supergraph must pass, first or reloaded; it throws to refuse one. */
  addCheck(check: (sdl: string) => void): void {
    check(this.sdl);
    this.checks.push(check);
  }

  /** Hands the gateway the current supergraph and keeps its update callback for later reloads. */
  readonly hook: SupergraphSdlHook = async ({ update }) => {
    this.update = update;
    return { supergraphSdl: this.sdl, cleanup: async () => this.stop() };
  };

  /**
   * Watches the file's directory rather than the file: editors and `pnpm compose` may replace it
   * by rename, which ends a watch on the old inode. Bursts of events settle for 100 ms first.
   */
  watch(): void {
    if (this.watcher) return;
    const file = basename(this.path);
    this.watcher = watch(dirname(this.path), (_event, name) => {
      if (name !== null && name !== file) return;
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.reload('file changed'), 100);
    });
    this.watcher.on('error', (err) => this.logger.error({ err, path: this.path }, 'supergraph watch failed'));
  }

  reload(reason: string): Promise<ReloadOutcome> {
    const next = this.queue.then(() => this.apply(reason));
    this.queue = next.catch(() => undefined);
    return next;
  }

  stop(): void {
    clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private async apply(reason: string): Promise<ReloadOutcome> {
    let next: string;
    try {
      next = await readFile(this.path, 'utf8');
    } catch (err) {
      this.logger.error({ reason, path: this.path, err }, 'supergraph rejected: cannot read it; the previous one keeps serving');
      return 'rejected';
    }
    if (next === this.sdl) return 'unchanged';
    if (!this.update) throw new Error('the gateway has not loaded its first supergraph yet');
    try {
      for (const check of this.checks) check(next);
      this.update(next);
    } catch (err) {
      this.logger.error(
        { reason, path: this.path, rejected: supergraphId(next), serving: supergraphId(this.sdl), error: (err as Error).message },
        'supergraph rejected; the previous one keeps serving',
      );
      return 'rejected';
    }
    const previous = this.sdl;
    this.sdl = next;
    this.logger.info({ reason, path: this.path, serving: supergraphId(next), previous: supergraphId(previous) }, 'supergraph reloaded');
    return 'applied';
  }
}
