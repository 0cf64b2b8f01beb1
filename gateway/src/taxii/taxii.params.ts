/** The filters and paging of a TAXII 2.1 objects or manifest request (section 3.4). */
export interface TaxiiQuery {
  addedAfter?: string;
  limit: number;
  next?: string;
  ids?: string[];
  types?: string[];
  /** `match[version]`: last (the default), first, all, or exact timestamps. */
  versions: string[];
  /** False when `match[spec_version]` names no version this server holds (2.1). */
  specVersionMatches: boolean;
}

/** Thrown for a query a client must fix: answered 400 with the message. */
export class TaxiiQueryError extends Error {}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STIX_TYPE = /^[a-z][a-z0-9-]{1,249}$/;

// Match values may repeat the parameter or list values with commas (section 3.4.3).
const listOf = (search: URLSearchParams, name: string) =>
  search.getAll(name).flatMap((value) => value.split(',')).map((v) => v.trim()).filter(Boolean);

export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

export function isStixId(value: string): boolean {
  return STIX_ID.test(value);
}

/** Reads the query string, refusing what is malformed rather than guessing. */
export function parseTaxiiQuery(search: URLSearchParams, maxLimit: number, defaultLimit: number): TaxiiQuery {
  const addedAfter = search.get('added_after') ?? undefined;
  if (addedAfter !== undefined && !isTimestamp(addedAfter)) {
    throw new TaxiiQueryError('added_after must be a timestamp such as 2025-01-31T12:00:00.000Z');
  }
  const limitText = search.get('limit');
  let limit = defaultLimit;
  if (limitText !== null) {
    if (!/^\d{1,9}$/.test(limitText) || Number(limitText) < 1) throw new TaxiiQueryError('limit must be a positive integer');
    // A server may return fewer than asked (section 3.4.2): larger limits are served at its maximum.
    limit = Math.min(Number(limitText), maxLimit);
  }
  const ids = listOf(search, 'match[id]');
  const bad = ids.find((id) => !isStixId(id));
  if (bad) throw new TaxiiQueryError(`match[id] must list STIX identifiers; "${bad.slice(0, 80)}" is not one`);
  const types = listOf(search, 'match[type]');
  const badType = types.find((type) => !STIX_TYPE.test(type));
  if (badType) throw new TaxiiQueryError(`match[type] must list STIX types; "${badType.slice(0, 80)}" is not one`);
  const versions = listOf(search, 'match[version]');
  const badVersion = versions.find((v) => !['last', 'first', 'all'].includes(v) && !isTimestamp(v));
  if (badVersion) throw new TaxiiQueryError('match[version] must be last, first, all or timestamps');
  const specVersions = listOf(search, 'match[spec_version]');
  return {
    addedAfter,
    limit,
    next: search.get('next') ?? undefined,
    ids: ids.length ? ids : undefined,
    types: types.length ? types : undefined,
    versions: versions.length ? versions : ['last'],
    specVersionMatches: specVersions.length === 0 || specVersions.includes('2.1'),
  };
}

/**
 * Whether an object's one version passes `match[version]`: this server keeps the current version
 * of each object only, which is at once its first, last and all; a timestamp must be that version.
 */
export function versionMatches(query: TaxiiQuery, version: string): boolean {
  return query.versions.some((v) => v === 'last' || v === 'first' || v === 'all' || Date.parse(v) === Date.parse(version));
}
