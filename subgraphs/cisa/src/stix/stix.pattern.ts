/**
 * STIX patterning (STIX 2.1 part 9) for the indicators of a threat product. A product indicator's
 * `type` is an object path in STIX's own terms: `ipv4-addr`, `domain-name`, `url` (the `value`
 * property is implied) or `file:hashes.SHA-256` (object type, then the property path).
 */

// An object type as STIX defines it (section 3.1): lowercase ASCII letters, digits and hyphens.
const OBJECT_TYPE = /^[a-z][a-z0-9-]*[a-z0-9]$/;
// A path component that may appear bare; any other (SHA-256, with its hyphen) must be quoted.
const BARE_COMPONENT = /^[a-z_][a-z0-9_]*$/i;

/** A value as a STIX string literal: quoted, with `\` and `'` escaped (section 9.3). */
export function stixString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `file:hashes.SHA-256` -> `file:hashes.'SHA-256'`; `ipv4-addr` -> `ipv4-addr:value`. Null if not a path. */
export function objectPath(indicatorType: string): string | null {
  const [objectType, path = 'value', ...rest] = indicatorType.split(':');
  if (rest.length > 0 || !OBJECT_TYPE.test(objectType)) return null;
  const components = path.split('.');
  if (components.some((c) => c === '')) return null;
  const quoted = components.map((c) => (BARE_COMPONENT.test(c) ? c : stixString(c)));
  return `${objectType}:${quoted.join('.')}`;
}

/**
 * The comparison expression that matches the indicator, e.g. `[domain-name:value = 'x.example']`,
 * or null when the type names no STIX object path (the indicator cannot be expressed, so it is left
 * out rather than exported as a pattern no consumer could parse).
 */
export function indicatorPattern(indicatorType: string, value: string): string | null {
  const path = objectPath(indicatorType);
  return path === null ? null : `[${path} = ${stixString(value)}]`;
}
