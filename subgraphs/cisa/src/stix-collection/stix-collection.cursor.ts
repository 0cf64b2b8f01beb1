import { BadUserInputError } from '@iag/kit';

/** A place in the collection's order: by date added, then by STIX id. */
export interface Position {
  dateAdded: Date;
  id: string;
}

export function comparePositions(a: Position, b: Position): number {
  const byDate = a.dateAdded.getTime() - b.dateAdded.getTime();
  if (byDate !== 0) return byDate;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// A keyset cursor, not an offset: objects keep being added as products are published and revised,
// and a client paging through (a TAXII poller) must neither skip nor repeat one when that happens.
const PREFIX = 'k:';

export function encodePosition(position: Position): string {
  return Buffer.from(`${PREFIX}${position.dateAdded.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

export function decodePosition(cursor: string): Position {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const dateAdded = new Date(text.slice(PREFIX.length, bar));
  const id = text.slice(bar + 1);
  if (!text.startsWith(PREFIX) || bar < 0 || Number.isNaN(dateAdded.getTime()) || !/^[a-z0-9-]+--[0-9a-f-]{36}$/.test(id)) {
    throw new BadUserInputError('`after` is not a cursor this list gave out', 'after');
  }
  return { dateAdded, id };
}
