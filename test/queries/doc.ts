// docs/queries.md as the test reads it: each question's persona, query, variables and expected
// error codes, from the fixed shape the doc describes under "How to run them".
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export const DOC = new URL('../../docs/queries.md', import.meta.url);

/** One question of the doc, as the test reads it. */
export interface Question {
  title: string;
  persona: string;
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  /** `extensions.code`s the doc says the answer carries (empty: none may). */
  expectedErrors: string[];
}

const FENCE = /^```(\w*)\s*$/;

/**
 * Reads every `### ` question: the `*Ask as:*` line right above its one `graphql` block, the `json`
 * block right after it when labelled `Variables:`, and any `*Expected error:*` codes. Anything out
 * of shape throws, so a malformed question fails the suite instead of being skipped.
 */
export function parseQuestions(markdown: string): Question[] {
  const sections = markdown.split(/^### /m).slice(1);
  return sections.map((section) => {
    const lines = section.split('\n');
    const title = lines[0].trim();
    const blocks: { lang: string; start: number; body: string }[] = [];
    for (let i = 1; i < lines.length; i++) {
      const open = FENCE.exec(lines[i]);
      if (!open || !open[1]) continue;
      const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
      if (end < 0) throw new Error(`"${title}": unclosed ${open[1]} block`);
      blocks.push({ lang: open[1], start: i, body: lines.slice(i + 1, end).join('\n') });
      i = end;
    }
    const graphqlBlocks = blocks.filter((b) => b.lang === 'graphql');
    if (graphqlBlocks.length !== 1) throw new Error(`"${title}": ${graphqlBlocks.length} graphql blocks, want 1`);
    const gql = graphqlBlocks[0];
    const asLine = /^\*Ask as:\*\s+`([a-z-]+)`\s*$/.exec(lines[gql.start - 1] ?? '');
    if (!asLine) throw new Error(`"${title}": no "*Ask as:* \`persona\`" line right above the query`);
    const expectedErrors = [...section.matchAll(/^\*Expected error:\*\s+`([A-Z_]+)`/gm)].map((m) => m[1]);
    const next = blocks[blocks.indexOf(gql) + 1];
    const labelled = next && lines.slice(gql.start, next.start).reverse().find((l) => l.trim() && !FENCE.test(l));
    const variables = next?.lang === 'json' && labelled?.trim() === 'Variables:' ? JSON.parse(next.body) : undefined;
    const operations = parse(gql.body).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length !== 1 || !operations[0].name) throw new Error(`"${title}": want exactly one named operation`);
    return { title, persona: asLine[1], operationName: operations[0].name.value, query: gql.body, variables, expectedErrors };
  });
}

