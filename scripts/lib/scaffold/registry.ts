import type { Names } from './names';

/** The line in scripts/subgraphs.ts above which `pnpm new-subgraph` adds its entries. */
export const REGISTRY_MARKER = '// new-subgraph appends here';

/** One registry entry, in the format of the entries written by hand. */
export const registryEntry = (n: Names) =>
  `{ name: '${n.name}', port: ${n.port}, load: async () => (await import('../subgraphs/${n.name}/src/main')).${n.name}Main },`;

/**
 * Returns scripts/subgraphs.ts with the entry added just above the marker, indented like it.
 * Throws when the marker is missing: the file was edited by hand and a person should look.
 */
export function addToRegistry(source: string, n: Names): string {
  const lines = source.split('\n');
  const at = lines.findIndex((line) => line.trim() === REGISTRY_MARKER);
  if (at < 0) throw new Error(`scripts/subgraphs.ts has no "${REGISTRY_MARKER}" line; add it inside the subgraphs array`);
  const indent = lines[at].slice(0, lines[at].indexOf('//'));
  lines.splice(at, 0, `${indent}${registryEntry(n)}`);
  return lines.join('\n');
}

/** The names and ports already registered, read from the file's text (nothing is imported). */
export function registeredSubgraphs(source: string): { name: string; port: number }[] {
  return [...source.matchAll(/\{\s*name:\s*'([^']+)',\s*port:\s*(\d+)/g)].map(([, name, port]) => ({ name, port: Number(port) }));
}
