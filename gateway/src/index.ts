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
    // The operator's way to apply a new supergraph where file watching is off or unreliable.
    process.on('SIGHUP', () => void server.reloadSupergraph('SIGHUP'));
    return server;
  },
);
