import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../principal';
import { createVerifiedTokens } from './verified-tokens';

const analyst: Principal = { kind: 'US_GOVERNMENT', sub: 'cisa:1', agency: 'CISA', scopes: ['dependencies:read'] };
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

afterEach(() => vi.useRealTimers());

describe('verified tokens', () => {
  it('answers a token seen before with its principal, frozen', () => {
    const verified = createVerifiedTokens();
    verified.set('t1', analyst, inSeconds(300));
    const principal = verified.get('t1')!;
    expect(principal).toEqual(analyst);
    expect(Object.isFrozen(principal) && Object.isFrozen(principal.scopes)).toBe(true);
    expect(verified.get('t2')).toBeUndefined();
  });

  it('forgets a token at its expiry, and after maxAgeMs at the latest', () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const verified = createVerifiedTokens({ maxAgeMs: 60_000 });
    verified.set('short', analyst, inSeconds(10));
    verified.set('long', analyst, inSeconds(3600));
    vi.advanceTimersByTime(11_000);
    expect(verified.get('short')).toBeUndefined();
    expect(verified.get('long')).toBeDefined();
    vi.advanceTimersByTime(50_000);
    expect(verified.get('long')).toBeUndefined();
  });

  it('keeps nothing already expired or without an expiry, and at most `max` tokens', () => {
    const verified = createVerifiedTokens({ max: 2 });
    verified.set('old', analyst, inSeconds(-1));
    verified.set('none', analyst, undefined);
    expect(verified.get('old')).toBeUndefined();
    expect(verified.get('none')).toBeUndefined();
    for (const t of ['a', 'b', 'c']) verified.set(t, analyst, inSeconds(300));
    expect(['a', 'b', 'c'].map((t) => verified.get(t) !== undefined)).toEqual([false, true, true]);
  });
});
