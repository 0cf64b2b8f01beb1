import { readFileSync } from 'node:fs';
import { BadUserInputError } from '@iag/kit';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/** CISA's own JSON schema of the catalog, shipped beside our copy of it. */
export const KEV_SCHEMA_FILE = new URL('../seed/data/kev/known_exploited_vulnerabilities_schema.json', import.meta.url);

// The schema carries keywords ajv does not know (`url`), hence strict: false. allErrors so that a
// caller learns every problem of a document at once, not one per attempt.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(KEV_SCHEMA_FILE, 'utf8')));

/** At most this many problems are named in one message; a broken download would list thousands. */
const MAX_PROBLEMS = 20;

/** `/vulnerabilities/3/cveID` -> `vulnerabilities[3].cveID`; the document itself is `catalog`. */
export function jsonPath(instancePath: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function describe(error: ErrorObject): string {
  const at = jsonPath(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${at ? `${at}.` : ''}${missing} is required`;
  }
  return `${at || 'the document'} ${error.message ?? 'is invalid'}`;
}

/**
 * Checks a parsed document against the catalog's JSON schema; a violation is a BadUserInputError
 * (field `catalog`) whose message names the JSON path of each problem, e.g.
 * `vulnerabilities[0].dateAdded must match format "date"`.
 */
export function assertKevSchema(document: unknown): void {
  if (validate(document)) return;
  const problems = (validate.errors ?? []).map(describe);
  const shown = problems.slice(0, MAX_PROBLEMS).join('; ');
  const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : '';
  throw new BadUserInputError(`Invalid KEV catalog: ${shown}${more}`, 'catalog');
}
