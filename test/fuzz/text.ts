// Awkward strings: astral, right-to-left, combining and control characters, and lone surrogates
// spliced into JSON text, which JSON.stringify never writes.
import type { Random } from './prng';

const ASTRAL = ['😀', '𝔘', '𠜎', '🇳🇱', '🏳️‍🌈'];
const RTL = ['\u202e', 'مرحبا', 'שלום', '\u200f'];
const COMBINING = ['e\u0301', 'Z\u0351\u0324\u0353\u032b', '\u0300\u0300\u0300'];
const CONTROL = ['\u0000', '\u0001', '\u001b[31m', '\u007f', '\ufeff', '\u2028', '\uffff'];

/** A short string of awkward characters, JSON-safe (no lone surrogates: those are sent as escapes). */
export function weirdText(rng: Random, length = rng.int(1, 12)): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += rng.pick([
      () => rng.pick(ASTRAL),
      () => rng.pick(RTL),
      () => rng.pick(COMBINING),
      () => rng.pick(CONTROL),
      () => String.fromCharCode(rng.int(0x20, 0x7e)).replace(/[\\"]/, ''),
      () => String.fromCharCode(rng.int(0xa0, 0xd7ff)),
    ])();
  }
  return out;
}

/** Replaces `"__LONE__"`-style markers by lone surrogate escapes, which JSON.stringify never writes. */
export function withLoneSurrogates(json: string, rng: Random): string {
  return json.replace(/__LONE__/g, () => rng.pick(['\\ud800', '\\udfff', '\\ud83d', '\\udc00x', '\\ud800\\ud800']));
}
