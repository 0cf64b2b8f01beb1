import { ConfigError, createLogger } from '@iag/kit/http';
import { parseGatewayConfig } from './config';
import { createGatewayServer } from './server';

let logger = createLogger('gateway');
try {
  const config = parseGatewayConfig(process.env);
  logger = createLogger('gateway', config.logLevel);
  const server = await createGatewayServer(config, logger);
  const listening = await server.listen(config.port, config.host);
  logger.info({ url: listening.url }, 'gateway listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining and stopping');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
}
