import { randomBytes, randomUUID } from 'node:crypto';

// W3C Trace Context (https://www.w3.org/TR/trace-context/), the few functions the hub needs to
// carry one trace id from the client through the gateway into every subgraph and into their logs.
// No tracing SDK: an OpenTelemetry exporter can plug in later by starting its spans from these
// ids (the incoming `traceparent` is exactly what its W3C propagator would read).

/** One hop of a trace: the trace it belongs to, this service's span, and whom it was called by. */
export interface TraceContext {
  /** 32 lower-case hex digits, never all zeros; the same in every service a request touches. */
  traceId: string;
  /** This service's span for the request: 16 hex digits, new at every hop. */
  spanId: string;
  /** The caller's span id from its `traceparent`; absent when this service started the trace. */
  parentSpanId?: string;
  /** Trace flags, two hex digits (`01` = sampled); passed on as received. */
  flags: string;
  /** The vendor `tracestate` list, passed on untouched when it came with a valid `traceparent`. */
  tracestate?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);
// 32 list members of at most 256 characters each, in printable ASCII (RFC 9110 field value).
const TRACESTATE = /^[\x20-\x7e]{1,512}$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Reads a `traceparent` header of version 00. Anything else (other versions, upper-case hex, an
 * all-zero trace or parent id, extra fields) is refused: the caller then starts a new trace.
 */
export function parseTraceparent(header: string | undefined): { traceId: string; parentSpanId: string; flags: string } | undefined {
  const match = header === undefined ? null : TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, traceId, parentSpanId, flags] = match;
  if (traceId === ZERO_TRACE || parentSpanId === ZERO_SPAN) return undefined;
  return { traceId, parentSpanId, flags };
}

/** The `traceparent` header for a span: `00-<trace id>-<span id>-<flags>`. */
export function formatTraceparent(traceId: string, spanId: string, flags = '01'): string {
  return `00-${traceId}-${spanId}-${flags}`;
}

export const newTraceId = () => randomBytes(16).toString('hex');
export const newSpanId = () => randomBytes(8).toString('hex');

/**
 * This service's trace context for an incoming request: the caller's trace continued with a new
 * span when its `traceparent` is valid (and its `tracestate` kept), a new sampled trace otherwise.
 */
export function continueTrace(traceparent: string | undefined, tracestate?: string): TraceContext {
  const parent = parseTraceparent(traceparent);
  if (!parent) return { traceId: newTraceId(), spanId: newSpanId(), flags: '01' };
  const state = tracestate?.trim();
  return {
    traceId: parent.traceId,
    spanId: newSpanId(),
    parentSpanId: parent.parentSpanId,
    flags: parent.flags,
    ...(state && TRACESTATE.test(state) ? { tracestate: state } : {}),
  };
}

/**
 * Headers for a call made on behalf of `trace` (a subgraph fetch): the same trace id, a new span
 * id for the call, and the `tracestate` passed on.
 */
export function outgoingTraceHeaders(trace: TraceContext): Record<string, string> {
  return {
    traceparent: formatTraceparent(trace.traceId, newSpanId(), trace.flags),
    ...(trace.tracestate ? { tracestate: trace.tracestate } : {}),
  };
}

/** The caller's `x-request-id` when it is a well-formed token (letters, digits, `._-`, up to 128), else a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && REQUEST_ID.test(header) ? header : randomUUID();
}
