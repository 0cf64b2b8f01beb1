/**
 * The rows of a raw `db.execute(sql...)`: PGlite's driver answers `{ rows }`, postgres.js the array
 * itself. One place for the difference, so raw statements read the same on both drivers.
 */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? result) as T[];
}
