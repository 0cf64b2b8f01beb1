import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAndCompose, composeSupergraph } from '../scripts/lib/compose';
import { apiSchemaOf, applyAccepted, diffApiSchemas, formatReport, parseAcceptedList } from '../scripts/lib/schema-diff';
import { runSchemaCheck } from '../scripts/schema-check';
import { subgraphs } from '../scripts/subgraphs';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = (file: string) => readFileSync(join(root, 'schema', file), 'utf8');
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])';
const toy = (name: string, sdl: string) => ({ name, url: `http://${name}`, sdl: `${link}\n${sdl}` });
const widget = (fields = 'size: Int') =>
  composeSupergraph([toy('a', `type Query { widget(id: ID!, first: Int = 10): Widget } type Widget @key(fields: "id") { id: ID! ${fields} }`)]);
const accept = (type: string, path: string) => ({ type, path, reason: 'size moved to Widget.dimensions', approvedBy: 'jdoe' });

describe('the code against the published API schema (schema/api.graphql)', () => {
  it('has no breaking change that schema/accepted-changes.json does not accept', async () => {
    const { result } = await buildAndCompose(subgraphs);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const changes = await diffApiSchemas(committed('api.graphql'), apiSchemaOf(result.schema));
    const { unaccepted } = applyAccepted(changes, parseAcceptedList(committed('accepted-changes.json')));
    expect(unaccepted.map((c) => `${c.type} ${c.path}: ${c.message}`), 'run `pnpm schema:check`').toEqual([]);
  });
});

describe('apiSchemaOf', () => {
  it('is what clients see: no federation machinery, no @inaccessible elements', () => {
    const composed = widget('size: Int secret: String @inaccessible');
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const api = apiSchemaOf(composed.schema);
    expect(api).toContain('size: Int');
    expect(api).not.toMatch(/secret|join__|link__|@key|_entities|_service/);
  });
});

describe('diffApiSchemas + applyAccepted', () => {
  const before = 'type Query { widget(id: ID!, first: Int = 10): Widget } type Widget { id: ID! size: Int color: Color } enum Color { RED }';
  const check = async (after: string, accepted = [] as ReturnType<typeof accept>[]) =>
    applyAccepted(await diffApiSchemas(before, after), accepted);

  it('rates a removed field breaking and fails while it is not accepted', async () => {
    const result = await check(before.replace('size: Int', ''));
    expect(result.breaking.map((c) => [c.type, c.path])).toEqual([['FIELD_REMOVED', 'Widget.size']]);
    expect(result.unaccepted).toHaveLength(1);
    expect(formatReport(result, 'schema/accepted-changes.json')).toMatch(/1 unaccepted breaking change.*schema\/accepted-changes\.json/);
  });

  it('passes a removed field recorded in the accepted list, marked as accepted', async () => {
    const result = await check(before.replace('size: Int', ''), [accept('FIELD_REMOVED', 'Widget.size')]);
    expect(result.unaccepted).toEqual([]);
    expect(result.breaking[0].accepted?.approvedBy).toBe('jdoe');
    expect(formatReport(result, 'x.json')).toContain('(accepted: size moved to Widget.dimensions; approved by jdoe)');
  });

  it('rates an added field safe, an added enum value and a changed argument default dangerous', async () => {
    const result = await check(before.replace('size: Int', 'size: Int weight: Float').replace('RED', 'RED GREEN').replace('= 10', '= 20'));
    expect(result.breaking).toEqual([]);
    expect(result.safe.map((c) => [c.type, c.path])).toEqual([['FIELD_ADDED', 'Widget.weight']]);
    expect(result.dangerous.map((c) => c.type).sort()).toEqual(['ENUM_VALUE_ADDED', 'FIELD_ARGUMENT_DEFAULT_CHANGED']);
  });

  it('reports accepted entries that match no change as stale', async () => {
    const stale = accept('FIELD_REMOVED', 'Widget.color');
    const result = await check(before, [stale]);
    expect(result.stale).toEqual([stale]);
    expect(formatReport(result, 'x.json')).toMatch(/Stale accepted entries \(1\)/);
  });

  it('refuses accepted entries without a reason or a reviewer', () => {
    expect(() => parseAcceptedList('{"accepted":[{"type":"FIELD_REMOVED","path":"Widget.size","reason":"x"}]}')).toThrow(/approvedBy/);
    expect(() => parseAcceptedList('[]')).toThrow(/"accepted" array/);
  });
});

describe('composition errors', () => {
  it('name the subgraphs and the schema coordinates involved', () => {
    const result = composeSupergraph([
      toy('a', 'type Query { x: Widget } type Widget @key(fields: "id") { id: ID! size: Int }'),
      toy('b', 'type Query { y: Widget } type Widget @key(fields: "id") { id: ID! size: String }'),
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^\[FIELD_TYPE_MISMATCH\] .*\(in a: Widget\.size; in b: Widget\.size\)$/);
  });
});

describe('pnpm schema:check', () => {
  const setup = () => {
    const schemaDir = mkdtempSync(join(tmpdir(), 'iag-schema-check-'));
    const lines: string[] = [];
    let composed = widget();
    const run = (...argv: string[]) => {
      lines.length = 0;
      const sink = (text: string) => lines.push(text);
      return runSchemaCheck({ argv, schemaDir, compose: async () => composed, out: sink, err: sink });
    };
    const output = () => lines.join('\n');
    const use = (next: ReturnType<typeof widget>) => (composed = next);
    const file = (name: string) => readFileSync(join(schemaDir, name), 'utf8');
    return { schemaDir, run, output, use, file };
  };

  it('needs a published baseline, then passes on no change', async () => {
    const { run, output, file } = setup();
    expect(await run()).toBe(1);
    expect(output()).toMatch(/--publish/);
    expect(await run('--publish')).toBe(0);
    expect(file('api.graphql')).toContain('size: Int');
    expect(JSON.parse(file('accepted-changes.json')).accepted).toEqual([]);
    expect(await run()).toBe(0);
  });

  it('fails on a breaking change until it is accepted; --publish moves the baseline and clears the list', async () => {
    const { schemaDir, run, output, use, file } = setup();
    await run('--publish');
    use(widget('weight: Float'));
    expect(await run()).toBe(1);
    expect(output()).toMatch(/Breaking \(1\)\n {2}FIELD_REMOVED Widget\.size: .*\nDangerous \(0\)\nSafe \(1\)\n {2}FIELD_ADDED Widget\.weight/);
    expect(output().split('\n').at(-1)).toMatch(/accepted-changes\.json/);

    expect(await run('--json')).toBe(1);
    const report = JSON.parse(output());
    expect(Object.keys(report).sort()).toEqual(['breaking', 'dangerous', 'ok', 'safe', 'stale', 'unaccepted']);
    expect(report).toMatchObject({ ok: false, unaccepted: [{ type: 'FIELD_REMOVED', path: 'Widget.size', level: 'breaking' }] });

    expect(await run('--publish')).toBe(1);
    expect(file('api.graphql')).toContain('size: Int');

    writeFileSync(join(schemaDir, 'accepted-changes.json'), JSON.stringify({ accepted: [accept('FIELD_REMOVED', 'Widget.size')] }));
    expect(await run()).toBe(0);
    expect(output()).toContain('(accepted: size moved to Widget.dimensions; approved by jdoe)');

    expect(await run('--publish')).toBe(0);
    expect(file('api.graphql')).not.toContain('size');
    expect(file('api.graphql')).toContain('weight: Float');
    expect(JSON.parse(file('accepted-changes.json'))).toMatchObject({ $comment: expect.any(String), accepted: [] });
    expect(await run()).toBe(0);
  });

  it('warns on stale entries, and fails on them with --strict', async () => {
    const { schemaDir, run, output } = setup();
    await run('--publish');
    writeFileSync(join(schemaDir, 'accepted-changes.json'), JSON.stringify({ accepted: [accept('FIELD_REMOVED', 'Widget.gone')] }));
    expect(await run()).toBe(0);
    expect(output()).toMatch(/Stale accepted entries \(1\)/);
    expect(await run('--strict')).toBe(1);
  });

  it('fails on a composition error naming subgraphs and types, and refuses to publish', async () => {
    const { run, output, use, schemaDir } = setup();
    use(composeSupergraph([toy('a', 'type Query { x: Int } type Widget @key(fields: "id") { id: ID! size: Int }'), toy('b', 'type Query { y: Widget } type Widget @key(fields: "id") { id: ID! size: String }')]));
    expect(await run('--publish')).toBe(1);
    expect(output()).toMatch(/Composition failed.*\n.*in a: Widget\.size; in b: Widget\.size/);
    expect(existsSync(join(schemaDir, 'api.graphql'))).toBe(false);
    expect(await run('--json')).toBe(1);
    expect(JSON.parse(output()).compositionErrors[0]).toMatch(/FIELD_TYPE_MISMATCH/);
  });

  it('answers --help and rejects unknown options', async () => {
    const { run, output } = setup();
    expect(await run('--help')).toBe(0);
    expect(output()).toMatch(/^Usage: pnpm schema:check/);
    expect(await run('--pubish')).toBe(2);
  });

  it('runs as a script over the real subgraphs (SCHEMA_DIR holding copies of the committed files)', () => {
    const schemaDir = mkdtempSync(join(tmpdir(), 'iag-schema-check-'));
    for (const name of ['api.graphql', 'accepted-changes.json']) copyFileSync(join(root, 'schema', name), join(schemaDir, name));
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/schema-check.ts', '--json'], {
      cwd: root,
      env: { ...process.env, SCHEMA_DIR: schemaDir },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, unaccepted: [] });
  }, 90_000);
});
