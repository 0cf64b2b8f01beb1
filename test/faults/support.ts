// Tools for the fault tests (test/faults-*.test.ts): a PostgreSQL proxy a test can cut, and a
// request held in flight until the test lets its body go.
import { request, type IncomingHttpHeaders } from 'node:http';
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net';

/**
 * A TCP proxy to PostgreSQL that a test can cut: `refuse` drops every open connection and stops
 * listening (new ones are refused: a server that is down); `blackhole` also drops the open ones
 * but accepts new ones and never answers (a host that is unreachable: the driver's connect
 * timeout); `restore` forwards again, on the same port.
 * (Not simulated: accepting and closing at once, as some load balancers do with no backend.
 * postgres.js retries a connection closed during its handshake without limit, so such a request
 * ends at the gateway's SUBGRAPH_TIMEOUT_MS, as TIMEOUT.)
 */
export async function startDatabaseProxy(target: URL) {
  let mode: 'forward' | 'refuse' | 'blackhole' = 'forward';
  const open = new Set<Socket>();
  const server: TcpServer = createTcpServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => {});
    if (mode === 'blackhole') return;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    open.add(upstream);
    upstream.on('close', () => (open.delete(upstream), client.destroy()));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    rewrite: (url: string) => {
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(port);
      return proxied.toString();
    },
    async cut(how: 'refuse' | 'blackhole') {
      mode = how;
      for (const socket of open) socket.destroy();
      if (how === 'refuse') await new Promise((resolve) => server.close(resolve));
    },
    async restore() {
      if (mode === 'refuse') await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      mode = 'forward';
    },
    close: () => ([...open].forEach((s) => s.destroy()), new Promise((resolve) => (server.listening ? server.close(resolve) : resolve(undefined)))),
  };
}

/**
 * Sends a request whose body waits: with `Expect: 100-continue`, the server answers 100 once it
 * has parsed the headers and handed the request to its handler, so the request is in flight,
 * deterministically, until `send` delivers the body.
 */
export async function requestInFlight(url: string, headers: Record<string, string>, body: string) {
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), expect: '100-continue' },
  });
  const response = new Promise<{ status: number; headers: IncomingHttpHeaders; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    req.once('error', reject);
    req.flushHeaders();
  });
  return { send: () => (req.end(body), response) };
}
