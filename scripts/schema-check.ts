// pnpm schema:check: composes the supergraph from the code and compares its API schema with the
// published client contract, schema/api.graphql. A breaking change fails unless the reviewed list
// schema/accepted-changes.json accepts it; `--publish` moves the contract forward.
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAndCompose, type CompositionResult } from './lib/compose';
import { type AcceptedChange, apiSchemaOf, applyAccepted, diffApiSchemas, formatReport, parseAcceptedList } from './lib/schema-diff';
import { subgraphs } from './subgraphs';

const usage = `Usage: pnpm schema:check [--json] [--strict]
       pnpm schema:check --publish

Composes the supergraph from the code and compares its API schema (what clients see) with the
published one in schema/api.graphql, listing breaking, dangerous and safe changes. Exits 1 when
composition fails or a breaking change is not accepted in schema/accepted-changes.json.

  --json      machine-readable output on stdout
  --strict    also fail when an accepted entry matches no change (stale)
  --publish   write the current API schema to schema/api.graphql and empty the accepted list;
              refused while composition fails or a breaking change is unaccepted
  --help      this text

SCHEMA_DIR overrides the directory holding api.graphql and accepted-changes.json.
See docs/schema-checks.md.`;

const ACCEPTED_COMMENT =
  'Breaking changes accepted against schema/api.graphql. Each entry: type and path as reported by ' +
  '`pnpm schema:check`, a reason clients can read, and approvedBy, the reviewer who agreed. ' +
  'Entries are added only in a reviewed pull request; `pnpm schema:check --publish` empties the list.';

export interface SchemaCheckOptions {
  argv: string[];
  /** Holds api.graphql and accepted-changes.json; tests pass a temporary directory. */
  schemaDir: string;
  compose: () => Promise<CompositionResult>;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Runs the check (or the publish) and returns the exit code; no process.exit, so tests can call it. */
export async function runSchemaCheck(options: SchemaCheckOptions): Promise<number> {
  const { argv, schemaDir, compose, out = console.log, err = console.error } = options;
  const flags = new Set(argv);
  if (flags.has('--help')) return out(usage), 0;
  const unknown = argv.filter((arg) => !['--json', '--strict', '--publish'].includes(arg));
  if (unknown.length) return err(`Unknown option: ${unknown.join(' ')}\n\n${usage}`), 2;
  const [json, strict, publish] = ['--json', '--strict', '--publish'].map((flag) => flags.has(flag));

  const apiFile = join(schemaDir, 'api.graphql');
  const acceptedFile = join(schemaDir, 'accepted-changes.json');
  const label = (file: string) => (relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file));
  const fail = (message: string, data: Record<string, unknown> = {}) => {
    if (json) out(JSON.stringify({ ok: false, error: message, ...data }, null, 2));
    else err(message);
    return 1;
  };

  let accepted: AcceptedChange[] = [];
  try {
    if (existsSync(acceptedFile)) accepted = parseAcceptedList(readFileSync(acceptedFile, 'utf8'));
  } catch (error) {
    return fail(`${label(acceptedFile)} is invalid: ${(error as Error).message}`);
  }

  const composed = await compose();
  if (!composed.ok) {
    const lines = composed.errors.map((e) => `  - ${e}`).join('\n');
    return fail(`Composition failed with ${composed.errors.length} error(s):\n${lines}`, {
      compositionErrors: composed.errors,
    });
  }
  const current = apiSchemaOf(composed.schema);
  const baseline = existsSync(apiFile) ? readFileSync(apiFile, 'utf8') : undefined;
  // Without a baseline there is no contract yet: only --publish can create the first one.
  if (baseline === undefined && !publish) {
    return fail(`No published API schema at ${label(apiFile)}: run \`pnpm schema:check --publish\` once.`);
  }
  const result = applyAccepted(baseline === undefined ? [] : await diffApiSchemas(baseline, current), accepted);
  const report = formatReport(result, label(acceptedFile));

  if (publish) {
    // Every breaking change reaching the contract goes through the accepted list first, so git
    // history of accepted-changes.json records why and who agreed before --publish empties it.
    if (result.unaccepted.length) {
      if (!json) out(report);
      return fail(`Refusing to publish: accept the breaking changes in ${label(acceptedFile)} first.`, { ...result });
    }
    writeFileSync(apiFile, current);
    writeFileSync(acceptedFile, `${JSON.stringify({ $comment: ACCEPTED_COMMENT, accepted: [] }, null, 2)}\n`);
    if (json) out(JSON.stringify({ ok: true, published: true, ...result }, null, 2));
    else out(`${report}\nPublished ${label(apiFile)}; ${label(acceptedFile)} is empty again.`);
    return 0;
  }

  const staleFails = strict && result.stale.length > 0;
  const ok = result.unaccepted.length === 0 && !staleFails;
  if (json) out(JSON.stringify({ ok, ...result }, null, 2));
  else out(staleFails ? `${report}\n--strict: stale accepted entries fail the check.` : report);
  return ok ? 0 : 1;
}

// The entry: only when run as a script (tests import runSchemaCheck without composing the hub).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const schemaDir = process.env.SCHEMA_DIR ?? fileURLToPath(new URL('../schema/', import.meta.url));
  process.exitCode = await runSchemaCheck({
    argv: process.argv.slice(2),
    schemaDir,
    compose: async () => (await buildAndCompose(subgraphs)).result,
  });
}
