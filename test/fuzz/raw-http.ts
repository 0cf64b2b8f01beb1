// A deliberately naive HTTP/1.1 client over a bare socket: node:http and fetch refuse to send what
// the fuzz needs to send (NUL bytes in header values, lying content-lengths, invalid methods).
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** Path and query, e.g. `/graphql?query=...`. */
  target: string;
  /** Header lines as sent, in order; values may hold any byte (latin1). */
  headers: [string, string][];
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends one request on a fresh connection (`connection: close`) and reads the whole answer. */
export function sendRaw(port: number, request: RawRequest, head = false, timeoutMs = 20_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const received = Buffer.concat(chunks);
      // A server may close while we still write a body it refused: what it answered first counts.
      const parsed = received.length ? parseResponse(received, head) : undefined;
      if (parsed) resolve(parsed);
      else reject(error ?? new Error(`connection closed without a complete response (${received.length} bytes)`));
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error) => {
      // EPIPE/ECONNRESET while writing: keep reading whatever answer arrived.
      if (!settled && chunks.length === 0) setTimeout(() => finish(error), 50);
    });
    const lines = [`${request.method} ${request.target} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close'];
    for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
    const start = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    socket.write(request.body ? Buffer.concat([start, request.body]) : start);
  });
}

/**
 * Parses a complete response (content-length, chunked, or read-to-close); undefined if incomplete.
 * `head`: the answer to a HEAD request, which has headers only whatever its content-length says.
 */
export function parseResponse(data: Buffer, head = false): RawResponse | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...headerLines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!match) return undefined;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let rest = data.subarray(end + 4);
  if (head) return { status: Number(match[1]), headers, body: rest };
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd < 0) return undefined;
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (Number.isNaN(size)) return undefined;
      if (size === 0) break;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    return { status: Number(match[1]), headers, body: Buffer.concat(parts) };
  }
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length < length) return undefined;
    rest = rest.subarray(0, length);
  }
  return { status: Number(match[1]), headers, body: rest };
}
