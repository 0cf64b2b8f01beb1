// The command line of the small bench scripts (bench:taxii, bench:reassess): only --help and
// options that take a positive whole number, each with a default. Bad usage exits 2 with the help.
import { parseArgs } from 'node:util';

/** Reads the options; throws an Error saying what is wrong; null when --help was asked for. */
export function readCounts<K extends string>(argv: string[], defaults: Record<K, number>): Record<K, number> | null {
  const options = Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: 'string' as const }]));
  const values: Record<string, string | boolean | undefined> = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } } }).values;
  if (values.help) return null;
  const counts = {} as Record<K, number>;
  for (const name of Object.keys(defaults) as K[]) {
    const text = values[name] as string | undefined;
    const value = text === undefined ? defaults[name] : Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, not "${text}"`);
    counts[name] = value;
  }
  return counts;
}

/** readCounts for a script: prints the help and exits 0 on --help, 2 with the reason on bad usage. */
export function parseCounts<K extends string>(argv: string[], defaults: Record<K, number>, help: string): Record<K, number> {
  let counts: Record<K, number> | null;
  try {
    counts = readCounts(argv, defaults);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help}`);
    process.exit(2);
  }
  if (!counts) {
    console.log(help);
    process.exit(0);
  }
  return counts;
}
