// Latency percentiles from an HDR histogram (autocannon reports p97.5, not p95).
import * as hdr from 'hdr-histogram-js';

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  /** Number of values recorded. */
  count: number;
}

/** Records milliseconds with microsecond resolution, 3 significant digits. */
export class LatencyRecorder {
  private readonly histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });

  record(ms: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  summary(): Latency {
    const at = (p: number) => (this.histogram.totalCount ? round(this.histogram.getValueAtPercentile(p) / 1000) : NaN);
    return { p50: at(50), p95: at(95), p99: at(99), count: this.histogram.totalCount };
  }
}

/** Percentiles of a list of milliseconds (what LatencyRecorder reports for them). */
export function latencyOf(values: number[]): Latency {
  const recorder = new LatencyRecorder();
  for (const v of values) recorder.record(v);
  return recorder.summary();
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
