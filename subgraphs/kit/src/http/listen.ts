import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: Server;
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish, then closes idle keep-alive sockets. */
  close(): Promise<void>;
}

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
          }),
      });
    });
  });
}
