// Pure functions behind `pnpm schema:check`: the API schema of a composition, the classified
// changes between two API schemas, and which breaking changes a reviewed list accepts.
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, printSchema } from 'graphql';
import type { ComposedSchema } from './compose';

export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

/** A change from the baseline to the current API schema, as graphql-inspector classifies it. */
export interface SchemaChange {
  /** graphql-inspector's ChangeType, e.g. `FIELD_REMOVED`. */
  type: string;
  /** Schema coordinate, e.g. `Country.foo` or `Query.country.code`; empty for schema-wide changes. */
  path: string;
  message: string;
  level: ChangeLevel;
  /** Why inspector rates it breaking or dangerous, when it says. */
  why?: string;
  /** The entry of the accepted list that covers this change. */
  accepted?: AcceptedChange;
}

/** One reviewed entry of schema/accepted-changes.json. */
export interface AcceptedChange {
  type: string;
  path: string;
  reason: string;
  approvedBy: string;
}

export interface CheckResult {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  /** Breaking changes no entry accepts: any of them fails the check. */
  unaccepted: SchemaChange[];
  /** Entries that match no change any more: forgotten, or the change was reverted. */
  stale: AcceptedChange[];
}

/**
 * The schema clients see, printed as SDL: Apollo's own `toAPISchema()` drops the join__/link
 * machinery and every @inaccessible element, exactly as the gateway does when it serves.
 */
export function apiSchemaOf(schema: ComposedSchema): string {
  return `${printSchema(schema.toAPISchema().toGraphQLJSSchema())}\n`;
}

const levels: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** Every change from `oldSdl` to `newSdl` (both API schemas), classified by graphql-inspector. */
export async function diffApiSchemas(oldSdl: string, newSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  return changes.map((change) => ({
    type: change.type,
    path: change.path ?? '',
    message: change.message,
    level: levels[change.criticality.level],
    ...(change.criticality.reason ? { why: change.criticality.reason } : {}),
  }));
}

/** Marks the changes the accepted list covers (same type and path) and finds its stale entries. */
export function applyAccepted(changes: SchemaChange[], accepted: AcceptedChange[]): CheckResult {
  const key = (c: { type: string; path: string }) => `${c.type} ${c.path}`;
  const byKey = new Map(accepted.map((entry) => [key(entry), entry]));
  const marked = changes.map((change) => {
    const entry = byKey.get(key(change));
    return entry ? { ...change, accepted: entry } : change;
  });
  const matched = new Set(changes.map(key));
  const breaking = marked.filter((c) => c.level === 'breaking');
  return {
    breaking,
    dangerous: marked.filter((c) => c.level === 'dangerous'),
    safe: marked.filter((c) => c.level === 'safe'),
    unaccepted: breaking.filter((c) => !c.accepted),
    stale: accepted.filter((entry) => !matched.has(key(entry))),
  };
}

/**
 * Reads the accepted list, refusing entries without a reason or a reviewer: an acceptance nobody
 * can explain later is the silent break the check exists to prevent.
 */
export function parseAcceptedList(json: string): AcceptedChange[] {
  const data = JSON.parse(json) as { accepted?: unknown };
  if (!Array.isArray(data.accepted)) throw new Error('expected an object with an "accepted" array');
  return data.accepted.map((entry: Record<string, unknown>, index) => {
    for (const field of ['type', 'path', 'reason', 'approvedBy'] as const) {
      const value = entry?.[field];
      const empty = typeof value !== 'string' || (field !== 'path' && !value.trim());
      if (empty) throw new Error(`accepted[${index}]: "${field}" must be a non-empty string`);
    }
    const { type, path, reason, approvedBy } = entry as unknown as AcceptedChange;
    return { type, path, reason, approvedBy };
  });
}

/** The human report: Breaking / Dangerous / Safe, then stale entries, then what to do. */
export function formatReport(result: CheckResult, acceptedFile: string): string {
  const lines: string[] = [];
  const section = (title: string, changes: SchemaChange[]) => {
    lines.push(`${title} (${changes.length})`);
    for (const c of changes) {
      const accepted = c.accepted ? ` (accepted: ${c.accepted.reason}; approved by ${c.accepted.approvedBy})` : '';
      lines.push(`  ${c.type} ${c.path || '(schema)'}: ${c.message}${accepted}`);
    }
  };
  section('Breaking', result.breaking);
  section('Dangerous', result.dangerous);
  section('Safe', result.safe);
  if (result.stale.length) {
    lines.push(`Stale accepted entries (${result.stale.length}): they match no change; remove them from ${acceptedFile}`);
    for (const e of result.stale) lines.push(`  ${e.type} ${e.path || '(schema)'} (${e.reason})`);
  }
  const n = result.unaccepted.length;
  if (n) {
    const example = JSON.stringify({ type: result.unaccepted[0].type, path: result.unaccepted[0].path, reason: '...', approvedBy: '...' });
    lines.push(
      `${n} unaccepted breaking change${n === 1 ? '' : 's'}. If intended, add each to ${acceptedFile} with a reason ` +
        `and its reviewer, e.g. ${example}, and have the pull request reviewed.`,
    );
  } else {
    lines.push('No unaccepted breaking change.');
  }
  return lines.join('\n');
}
