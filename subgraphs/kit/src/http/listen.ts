import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

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
  // A client that sends its headers or its body a byte at a time (slowloris) holds a socket for as
  // long as Node lets it: these bound that. Node checks them every 30 s, so they are coarse; the
  // gateway adds its own precise deadline for the whole request (REQUEST_TIMEOUT_MS).
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.on('clientError', answerClientError);
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

/**
 * What Node's HTTP parser refuses before any handler runs (NUL or control bytes in a header, an
 * invalid header name, headers over the size limit, a bad content-length) is answered in the same
 * JSON shape as every other refusal; Node's default is a bare status line with no body.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive']
        : [400, 'Bad Request', 'The request is not valid HTTP'];
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
