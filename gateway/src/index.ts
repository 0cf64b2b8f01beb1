import { createLogger, runProcess } from '@iag/kit/http';
import { parseGatewayConfig } from './config';
import { createGatewayServer } from './server';

let logger = createLogger('gateway');
await runProcess(
  () => logger,
  async () => {
    const config = parseGatewayConfig(process.env);
    logger = createLogger('gateway', config.logLevel);
    const server = await createGatewayServer(config, logger);
    const listening = await server.listen(config.port, config.host);
    logger.info({ url: listening.url }, 'gateway listening');
    return server;
  },
);
