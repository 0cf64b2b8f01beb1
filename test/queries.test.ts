// docs/queries.md, run as written: every question's query is sent through the gateway as the
// persona the doc names, with a real token, and its answer is checked against the demo seed. The
// expected values are derived from the seed data (docs/demo-data.md), never from a past answer.
// QUERIES_DUMP=1 prints every answer, to refresh the doc's abbreviated ones after a seed change.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../gateway/src/auth/personas';
import { startHub, type Hub } from './hub';
import { DOC, parseQuestions } from './queries/doc';
import { infrastructureExpectations } from './queries/infrastructure.expect';
import { sorted, type Expectations } from './queries/oracle';
import { sharingExpectations } from './queries/sharing.expect';

const questions = parseQuestions(readFileSync(DOC, 'utf8'));
const expectations: Expectations = { ...infrastructureExpectations, ...sharingExpectations };

let hub: Hub;
// Starting four subgraphs and loading the KEV catalog can outlast the 120 s default on a busy machine.
beforeAll(async () => {
  hub = await startHub();
}, 300_000);
afterAll(() => hub?.close());

describe('docs/queries.md', () => {
  it('asks at least 12 questions, each with a known persona and an expectation of its own', () => {
    expect(questions.length).toBeGreaterThanOrEqual(12);
    const names = questions.map((q) => q.operationName);
    expect(new Set(names).size).toBe(names.length);
    for (const q of questions) expect(Object.keys(personas), q.title).toContain(q.persona);
    expect(sorted(names)).toEqual(sorted(Object.keys(expectations)));
  });

  it('has a numbered heading for every question', () => {
    questions.forEach((q, i) => expect(q.title).toMatch(new RegExp(`^${i + 1}\\. .+\\?$`)));
  });

  // In doc order, one after the other: the audit question reads what the earlier ones left.
  for (const q of questions) {
    it(`${q.title} (${q.operationName}, as ${q.persona})`, async () => {
      const persona = personas[q.persona];
      const run = async (variables = q.variables) => {
        const { status, body } = await hub.as(persona, q.query, variables);
        expect(status).toBe(200);
        const codes = (body.errors ?? []).map((e: any) => e.extensions?.code);
        expect(codes, JSON.stringify(body.errors)).toEqual(q.expectedErrors);
        if (process.env.QUERIES_DUMP) console.log(`\n### ${q.operationName}\n${JSON.stringify(body, null, 1)}`);
        return body.data;
      };
      const data = await run();
      expect(data).toBeTruthy();
      await expectations[q.operationName](data, { variables: q.variables ?? {}, run });
    });
  }
});
