import type { StixObject } from '../stix/stix.bundle';
import { comparePositions, type Position } from './stix-collection.cursor';

/** One object of the collection, where it sits: its date added and id. */
export interface StixEntryValue extends Position {
  type: string;
  version: Date;
  object: StixObject;
}

export interface StixQuery {
  addedAfter?: Date;
  types?: ReadonlySet<string>;
  ids?: ReadonlySet<string>;
  after?: Position;
  limit: number;
}

export const entryOf = (object: StixObject, dateAdded: Date): StixEntryValue => ({
  id: object.id,
  type: object.type,
  dateAdded,
  version: new Date(String(object.modified ?? object.created)),
  object,
});

export function wanted(query: StixQuery, position: Position, type: string): boolean {
  if (query.types && !query.types.has(type)) return false;
  if (query.ids && !query.ids.has(position.id)) return false;
  if (query.addedAfter && position.dateAdded <= query.addedAfter) return false;
  return !query.after || comparePositions(position, query.after) > 0;
}
