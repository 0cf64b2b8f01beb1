import { ConfigError } from '../env';
import type { Logger } from '../logger';

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
      await server.close();
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
