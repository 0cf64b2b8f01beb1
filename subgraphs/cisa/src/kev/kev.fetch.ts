// Reading a KEV catalog from an http(s) URL, for `pnpm import:kev <url>`. Kept apart from the script
// so that its limits are stated once and its errors carry a kind the script maps to an exit code.

/** The catalog is about 1.5 MB; anything far larger is not the catalog, and is not buffered. */
export const MAX_CATALOG_BYTES = 32 * 1024 * 1024;
/** Connecting and downloading together; the catalog downloads in seconds. */
export const FETCH_TIMEOUT_MS = 60_000;

/** Why a download failed: `http` (a status other than 2xx), `network`, `timeout`, `too-large`. */
export class CatalogFetchError extends Error {
  constructor(
    message: string,
    readonly kind: 'http' | 'network' | 'timeout' | 'too-large',
  ) {
    super(message);
  }
}

export const isUrl = (source: string) => /^https?:\/\//i.test(source);

// The causes undici reports by code, in words; anything else is shown as it comes.
const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  ECONNRESET: 'connection dropped',
  UND_ERR_SOCKET: 'connection dropped',
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Called as bytes arrive: received so far and the announced total, if any. */
  onProgress?: (received: number, total: number | undefined) => void;
}

/** Downloads the text at `url`, refusing an error status, a timeout or a body over the limit. */
export async function fetchCatalogText(url: string, options: FetchOptions = {}): Promise<{ text: string; contentType: string }> {
  const maxBytes = options.maxBytes ?? MAX_CATALOG_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const failed = (error: unknown): never => {
    if (error instanceof CatalogFetchError) throw error;
    if (signal.aborted) throw new CatalogFetchError(`${url}: no complete answer within ${timeoutMs / 1000} s`, 'timeout');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? '';
    const reason = NETWORK_CAUSES[code] ? `${NETWORK_CAUSES[code]} (${code})` : (cause?.message ?? (error as Error).message);
    throw new CatalogFetchError(`${url}: ${reason}`, 'network');
  };
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    return failed(error);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new CatalogFetchError(`${url}: HTTP ${response.status} ${response.statusText}`.trim(), 'http');
  }
  const announced = Number(response.headers.get('content-length')) || undefined;
  if (announced && announced > maxBytes) {
    await response.body?.cancel();
    throw new CatalogFetchError(`${url}: ${megabytes(announced)} is more than the limit of ${megabytes(maxBytes)}`, 'too-large');
  }
  // Read in chunks rather than response.text(): a server that lies about or omits the length is cut
  // off at the limit instead of filling memory.
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body ?? []) {
      received += chunk.byteLength;
      if (received > maxBytes) {
        throw new CatalogFetchError(`${url}: more than the limit of ${megabytes(maxBytes)}`, 'too-large');
      }
      chunks.push(chunk);
      options.onProgress?.(received, announced);
    }
  } catch (error) {
    return failed(error);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), contentType: response.headers.get('content-type') ?? 'none' };
}
