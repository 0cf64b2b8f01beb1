// docs/risk.md's worked example is checked against the demo seed, so the doc cannot drift.
import { readFileSync } from 'node:fs';
import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CisaSchema } from '../db/schema';
import { cisaMain } from '../main';

const DOC = readFileSync(new URL('../../../../docs/risk.md', import.meta.url), 'utf8');

/** The example's dependency id and its table rows, from between the worked-example markers. */
function workedExample() {
  const match = /<!-- worked-example (\S+) -->\n([\s\S]*?)<!-- \/worked-example -->/.exec(DOC);
  if (!match) throw new Error('docs/risk.md has no worked example');
  const cells = match[2].split('\n').filter((line) => line.startsWith('|')).slice(2).map((line) => line.split('|').slice(1, -1).map((c) => c.trim().replace(/\*/g, '')));
  const score = Number(cells.at(-1)!.at(-1));
  const factors = cells.slice(0, -1).map(([factor, weight, value, contribution]) => ({ factor, weight: Number(weight), value: Number(value), contribution: Number(contribution) }));
  return { id: match[1], factors, score };
}

let subgraph: StartedSubgraph<CisaSchema>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(cisaMain);
});
afterAll(() => subgraph?.close());

it("docs/risk.md's worked example is the demo seed's score of that dependency, factor by factor", async () => {
  const example = workedExample();
  const { body } = await subgraph.post(`query($id: ID!) { dependency(id: $id) { riskScore priority riskFactors { factor weight value contribution } } }`, { id: example.id });
  expect(body.errors).toBeUndefined();
  expect(body.data.dependency.riskFactors).toEqual(example.factors);
  expect(body.data.dependency.riskScore).toBe(example.score);
  expect(example.factors.reduce((sum, f) => sum + f.contribution, 0)).toBeCloseTo(example.score, 6);
  expect(DOC).toContain(`= ${example.score}: priority ${body.data.dependency.priority}`);
});
