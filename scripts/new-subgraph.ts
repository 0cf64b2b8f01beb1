// pnpm new-subgraph <name> --owner "<agency>": scaffolds subgraphs/<name> on the kit, registers it
// in scripts/subgraphs.ts (which compose, start, seed and the hub tests read), links the new
// workspace package and generates its first migrations. docs/adding-a-subgraph.md walks through it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  NAME_PATTERN,
  RESERVED_NAMES,
  addToRegistry,
  deriveNames,
  migrationTags,
  registeredSubgraphs,
  scaffoldFiles,
  writeAppendOnlyMigration,
  type Names,
} from './lib/scaffold';

const HELP = `Usage: pnpm new-subgraph <name> --owner "<agency>" [--agency <CODE>] [--port <port>]

Scaffolds subgraphs/<name>: a working subgraph on the kit with one entity (<Name>Site), a field
on State's Country (Country.<name>Sites), access rules, a drizzle schema and its migrations, demo
rows, tests and a README. Registers it in scripts/subgraphs.ts for pnpm compose and pnpm start,
and links the new package (pnpm install --offline). Nothing else needs a hand edit.

  <name>            lower-case letters and digits, 2-21 characters, starting with a letter (e.g. energy)
  --owner <text>    who runs it, e.g. "Department of Energy" (required)
  --agency <CODE>   the agency claim of its auditors, e.g. DOE (default: the name, upper-cased)
  --port <port>     its port (default: the next after the highest registered one)

Example:
  pnpm new-subgraph energy --owner "Department of Energy" --agency DOE

Then: pnpm compose && pnpm start. See docs/adding-a-subgraph.md.`;

const root = fileURLToPath(new URL('..', import.meta.url));
const registryPath = join(root, 'scripts', 'subgraphs.ts');

/** Bad usage: says what is wrong and exits 2, having changed nothing. */
function usage(message: string): never {
  console.error(`${message}\n\nRun "pnpm new-subgraph --help" for usage.`);
  process.exit(2);
}

function parseCommandLine(registry: { name: string; port: number }[]): Names {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        owner: { type: 'string' },
        agency: { type: 'string' },
        port: { type: 'string' },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (positionals.length !== 1) usage(positionals.length ? `One name only, not "${positionals.join(' ')}".` : 'Name the subgraph, e.g. pnpm new-subgraph energy --owner "Department of Energy".');
  const name = positionals[0];
  if (!NAME_PATTERN.test(name)) usage(`"${name}" is not a valid name: use 2-21 lower-case letters and digits, starting with a letter (e.g. energy).`);
  if (RESERVED_NAMES.has(name)) usage(`"${name}" is reserved; choose another name.`);
  if (registry.some((s) => s.name === name)) usage(`A subgraph named "${name}" is already registered in scripts/subgraphs.ts.`);
  if (existsSync(join(root, 'subgraphs', name))) usage(`subgraphs/${name} already exists.`);

  const owner = values.owner?.trim();
  if (!owner) usage('--owner is required: who runs the subgraph, e.g. --owner "Department of Energy".');
  if (!/^[\p{L}\p{N} .,&()'-]{2,100}$/u.test(owner)) usage('--owner must be 2-100 letters, digits, spaces or . , & ( ) \' -');
  const agency = values.agency?.trim().toUpperCase();
  if (agency !== undefined && !/^[A-Z][A-Z0-9_]{1,19}$/.test(agency)) usage('--agency must be 2-20 letters, digits or _, starting with a letter (e.g. DOE).');

  const taken = new Set([4000, ...registry.map((s) => s.port)]);
  let port = Math.max(4000, ...registry.map((s) => s.port)) + 1;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1024 || port > 65535) usage('--port must be a whole number from 1024 to 65535.');
    if (taken.has(port)) usage(`Port ${port} is already used by ${registry.find((s) => s.port === port)?.name ?? 'the gateway'}.`);
  }
  return deriveNames({ name, owner, agency, port });
}

/** Runs a command in the workspace, quietly; its output is shown only if it fails. */
function run(command: string, args: string[], cwd = root): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

function step(index: number, text: string) {
  console.log(`[${index}/5] ${text}`);
}

const registrySource = readFileSync(registryPath, 'utf8');
const names = parseCommandLine(registeredSubgraphs(registrySource));
const dir = join(root, 'subgraphs', names.name);
const started = Date.now();

/** Undoes what this run wrote, so that a failed run can simply be run again. */
function rollBack(reason: string): never {
  console.error(`\n${reason}\nRolling back: removing subgraphs/${names.name} and its entry in scripts/subgraphs.ts.`);
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(registryPath, registrySource);
  console.error('Run "pnpm install --offline" (or "pnpm install") to bring node_modules and the lockfile back in line.');
  process.exit(1);
}

step(1, `writing subgraphs/${names.name} (${names.entity}, Country.${names.entityListField}, owner ${names.owner})`);
const files = scaffoldFiles(names);
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
console.log(`      ${Object.keys(files).length} files`);

step(2, `registering ${names.name} on port ${names.port} in scripts/subgraphs.ts`);
try {
  writeFileSync(registryPath, addToRegistry(registrySource, names));
} catch (error) {
  rollBack((error as Error).message);
}

step(3, 'linking the new workspace package (pnpm install --offline)');
// The lockfile gains the new package, so it cannot be frozen (CI=true would freeze it by default).
let install = run('pnpm', ['install', '--offline', '--no-frozen-lockfile']);
if (!install.ok) {
  console.log('      the local store lacks something; trying pnpm install online');
  install = run('pnpm', ['install', '--no-frozen-lockfile']);
}
if (!install.ok) rollBack(`pnpm install failed:\n${install.output}`);

step(4, 'generating migrations from src/db/schema.ts (drizzle-kit generate)');
const migrationsDir = join(dir, 'migrations');
const init = run('pnpm', ['exec', 'drizzle-kit', 'generate', '--name', 'init'], dir);
if (!init.ok) rollBack(`drizzle-kit generate failed:\n${init.output}`);
const custom = run('pnpm', ['exec', 'drizzle-kit', 'generate', '--custom', '--name', 'audit_append_only'], dir);
if (!custom.ok) rollBack(`drizzle-kit generate --custom failed:\n${custom.output}`);
const tags = migrationTags(migrationsDir);
writeAppendOnlyMigration(migrationsDir, tags.at(-1)!);
console.log(`      ${tags.map((tag) => `migrations/${tag}.sql`).join(', ')}`);

step(5, `done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`
subgraphs/${names.name} is ready (subgraphs/${names.name}/README.md says what each file is for). Next:

${[
  [`pnpm vitest run subgraphs/${names.name}`, 'its own tests'],
  ['pnpm compose', `writes schema/${names.name}.graphql and the new supergraph`],
  ['pnpm start', `the hub, ${names.name} on :${names.port}`],
]
  .map(([command, what]) => `  ${command.padEnd(40)}# ${what}`)
  .join('\n')}

Then, with the hub up, one query across State and ${names.name}:

  curl -s http://localhost:4000/graphql -H "authorization: Bearer $(pnpm --silent run token cisa-analyst)" \\
    -H 'content-type: application/json' \\
    -d '{"query":"{ country(code: \\"NL\\") { name ${names.entityListField}(first: 5) { totalCount edges { node { name } } } } }"}'

Reads need a US government caller, writes the ${names.writeScope} scope (subgraphs/${names.name}/src/access.ts).
Commit subgraphs/${names.name}, scripts/subgraphs.ts, pnpm-lock.yaml and, after pnpm compose, schema/.
The walk-through: docs/adding-a-subgraph.md.`);
