import { ConfigError } from '../env';
import type { Logger } from '../logger';

const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * How every process of the hub lives: start it, log where it listens, drain and close on SIGINT
 * or SIGTERM (once, however many signals come), and exit 1 with a readable line if it cannot start.
 */
export async function runProcess(
  logger: () => Logger,
  start: () => Promise<{ close(): Promise<void> }>,
): Promise<void> {
  try {
    const server = await start();
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger().info({ signal }, 'draining and stopping');
      // A shutdown that hangs must not outlive the orchestrator's patience unnoticed: say so and go.
      setTimeout(() => {
        logger().error({ afterMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown did not finish; exiting anyway');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      await server.close();
      logger().info('stopped');
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    if (error instanceof ConfigError) logger().fatal(error.message);
    else logger().fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
