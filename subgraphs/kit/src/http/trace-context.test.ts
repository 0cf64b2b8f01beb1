import { describe, expect, it } from 'vitest';
import { continueTrace, formatTraceparent, outgoingTraceHeaders, parseTraceparent, requestIdFrom } from './trace-context';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const VALID = `00-${TRACE}-${PARENT}-01`;

describe('parseTraceparent', () => {
  it('reads a version 00 header', () => {
    expect(parseTraceparent(VALID)).toEqual({ traceId: TRACE, parentSpanId: PARENT, flags: '01' });
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-00`)?.flags).toBe('00');
  });

  it('refuses whatever the specification says to ignore', () => {
    for (const bad of [
      undefined,
      '',
      `00-${'0'.repeat(32)}-${PARENT}-01`, // all-zero trace id
      `00-${TRACE}-${'0'.repeat(16)}-01`, // all-zero parent id
      `ff-${TRACE}-${PARENT}-01`, // forbidden version
      `01-${TRACE}-${PARENT}-01`, // a version this parser does not know
      `00-${TRACE.toUpperCase()}-${PARENT}-01`, // upper-case hex
      `00-${TRACE}-${PARENT}-01-extra`,
      `00-${TRACE.slice(1)}-${PARENT}-01`,
      `00-${TRACE}-${PARENT}-1`,
      `00_${TRACE}_${PARENT}_01`,
      'not a traceparent',
    ]) {
      expect(parseTraceparent(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('formatTraceparent', () => {
  it('writes what parseTraceparent reads', () => {
    expect(formatTraceparent(TRACE, PARENT, '01')).toBe(VALID);
    expect(parseTraceparent(formatTraceparent(TRACE, PARENT))).toEqual({ traceId: TRACE, parentSpanId: PARENT, flags: '01' });
  });
});

describe('continueTrace', () => {
  it("continues the caller's trace with a new span, keeping flags and tracestate", () => {
    const trace = continueTrace(VALID, 'vendor=abc,other=1');
    expect(trace).toMatchObject({ traceId: TRACE, parentSpanId: PARENT, flags: '01', tracestate: 'vendor=abc,other=1' });
    expect(trace.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(trace.spanId).not.toBe(PARENT);
  });

  it('starts a new sampled trace, without the tracestate, when the traceparent is missing or invalid', () => {
    for (const header of [undefined, `00-${'0'.repeat(32)}-${PARENT}-01`, 'garbage']) {
      const trace = continueTrace(header, 'vendor=abc');
      expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(trace.traceId).not.toBe(TRACE);
      expect(trace.parentSpanId).toBeUndefined();
      expect(trace.tracestate).toBeUndefined();
      expect(trace.flags).toBe('01');
    }
    expect(continueTrace(undefined).traceId).not.toBe(continueTrace(undefined).traceId);
  });

  it('drops a tracestate that is not a printable header value', () => {
    expect(continueTrace(VALID, 'a=\u0001').tracestate).toBeUndefined();
    expect(continueTrace(VALID, 'x'.repeat(513)).tracestate).toBeUndefined();
  });
});

describe('outgoingTraceHeaders', () => {
  it('sends the same trace id with a new span id per call, and the tracestate', () => {
    const trace = continueTrace(VALID, 'vendor=abc');
    const first = outgoingTraceHeaders(trace);
    const second = outgoingTraceHeaders(trace);
    const a = parseTraceparent(first.traceparent)!;
    const b = parseTraceparent(second.traceparent)!;
    expect([a.traceId, b.traceId]).toEqual([TRACE, TRACE]);
    expect(new Set([a.parentSpanId, b.parentSpanId, trace.spanId, PARENT]).size).toBe(4);
    expect(first.tracestate).toBe('vendor=abc');
    expect(outgoingTraceHeaders(continueTrace(VALID))).not.toHaveProperty('tracestate');
  });
});

describe('requestIdFrom', () => {
  it('keeps a well-formed id and replaces anything else', () => {
    expect(requestIdFrom('req-42_a.b')).toBe('req-42_a.b');
    expect(requestIdFrom('x'.repeat(128))).toBe('x'.repeat(128));
    for (const bad of [undefined, '', 'x'.repeat(129), 'has space', 'line\nbreak', '{"json":1}', 'ünïcode']) {
      const id = requestIdFrom(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
