import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: Server;
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish, then closes idle keep-alive sockets. */
  close(): Promise<void>;
}

const DRAIN_GRACE_MS = 5_000;

/** Listens on host:port (port 0 picks a free one, as tests do) and resolves once bound. */
export function listen(listener: RequestListener, port: number, host: string, path = '/graphql'): Promise<Listening> {
  const server = createServer(listener);
  // Keep-alive sockets from the gateway are reused across requests; a timeout longer than the
  // client's avoids the race where the server closes a socket the client is about to reuse.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        port: bound,
        url: `http://${shownHost}:${bound}${path}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            // A client holding a keep-alive socket (the gateway, a health poller) would keep the
            // process alive until its own timeout: after a grace period for requests in flight,
            // cut whatever is left.
            setTimeout(() => server.closeAllConnections(), DRAIN_GRACE_MS).unref();
          }),
      });
    });
  });
}
