import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders by name. A loader is created on first use in a request and shared by
 * every resolver of that request, so references batch into one query per kind.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * Fits rows fetched with one `inArray` query to the DataLoader contract: one value per key in the
 * key order, `null` where no row has that key.
 */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? null);
}

/** Like `byKey`, for one-to-many: every key gets the (possibly empty) list of its rows. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const index = new Map<K, V[]>();
  for (const row of rows) {
    const list = index.get(keyOf(row));
    if (list) list.push(row);
    else index.set(keyOf(row), [row]);
  }
  return keys.map((key) => index.get(key) ?? []);
}

export { DataLoader };
