import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Re-exported so that the gateway and the subgraphs build their own metrics on the kit's copy of
// prom-client (one dependency to keep in step, and registries that accept each other's metrics).
export { Counter, Gauge, Histogram, Registry };

/**
 * Bounds the `operation` label: client-chosen operation names would otherwise make one time
 * series each, without limit. Names are cut to `maxLength` characters of `[A-Za-z0-9_]`; the
 * first `maxNames` distinct names keep their own label, any later one is counted as `other`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly maxNames = 100,
    private readonly maxLength = 64,
  ) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const clean = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, this.maxLength);
    if (this.seen.has(clean)) return clean;
    if (this.seen.size >= this.maxNames) return 'other';
    this.seen.add(clean);
    return clean;
  }
}

/** The metrics every service of the hub has, on a registry of its own. */
export interface ServiceMetrics {
  /**
   * This server's registry: not prom-client's global one, so that several servers in one process
   * (as in the tests) each count only their own requests.
   */
  registry: Registry;
  /** `graphql_requests_total{operation,status}`: GraphQL requests answered, by HTTP status. */
  requests: Counter<'operation' | 'status'>;
  /** `graphql_request_duration_seconds{operation}`: from the request's arrival to the last byte. */
  duration: Histogram<'operation'>;
  /** Counts one GraphQL request; `operationName` is bounded by {@link OperationLabels}. */
  observeRequest(operationName: string | undefined, status: number, seconds: number): void;
  /** `GET /metrics`, in the content type prom-client gives. */
  route: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export interface MetricsOptions {
  /** Process CPU, memory, event loop lag, GC...; on by default. */
  defaultMetrics?: boolean;
  /** When set, `/metrics` answers only `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
  /** Distinct operation names kept as labels before the rest count as `other`. */
  maxOperations?: number;
}

/**
 * A registry with the default process metrics and the request metrics, labelled with the service
 * name (so series stay apart when several services share a Prometheus job).
 */
export function createServiceMetrics(service: string, options: MetricsOptions = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests answered, by operation name and HTTP status',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from a GraphQL request arriving to its response being sent, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const operations = new OperationLabels(options.maxOperations);
  const expected = options.token ? digest(`Bearer ${options.token}`) : undefined;
  return {
    registry,
    requests,
    duration,
    observeRequest(operationName, status, seconds) {
      const operation = operations.label(operationName);
      requests.inc({ operation, status: String(status) });
      duration.observe({ operation }, seconds);
    },
    async route(req, res) {
      // Compared as digests: equal lengths for timingSafeEqual, whatever the caller sent.
      if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain; charset=utf-8' }).end('Unauthorized\n');
        return;
      }
      const text = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType }).end(text);
    },
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();
