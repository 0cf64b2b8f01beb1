import { startTestSubgraph, type StartedSubgraph } from '@iag/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DhsSchema } from '../db/schema';
import { dhsMain } from '../main';

let subgraph: StartedSubgraph<DhsSchema>;
const gql = (query: string, variables?: Record<string, unknown>) => subgraph.post(query, variables);

beforeAll(async () => {
  subgraph = await startTestSubgraph(dhsMain);
});
afterAll(() => subgraph?.close());

/** The ids of `engagements(<filter>)`, all on one page. */
async function ids(filter = ''): Promise<string[]> {
  const { body } = await gql(`{ engagements(${filter ? `${filter}, ` : ''}first: 100) { totalCount edges { node { id } } } }`);
  expect(body.errors).toBeUndefined();
  const ids = body.data.engagements.edges.map((e: any) => e.node.id);
  expect(body.data.engagements.totalCount).toBe(ids.length);
  return ids;
}

interface Row {
  id: string;
  startsOn: string;
  endsOn: string | null;
}

describe('engagements', () => {
  it('orders by start date, latest first, then id', async () => {
    const { body } = await gql('{ engagements(first: 100) { totalCount edges { node { id startsOn } } } }');
    const rows: Row[] = body.data.engagements.edges.map((e: any) => e.node);
    expect(body.data.engagements.totalCount).toBe(34);
    const sorted = [...rows].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.id.localeCompare(b.id));
    expect(rows).toEqual(sorted);
  });

  it('filters by country, agency (lead or participating), status, kind and goal', async () => {
    expect(await ids('country: "nl"')).toEqual(['eng-27', 'eng-28', 'eng-04', 'eng-03', 'eng-02', 'eng-01']);
    // FBI leads eng-28, 16 and 23, and takes part in eng-08 and 14.
    expect(await ids('agency: "FBI"')).toEqual(['eng-28', 'eng-16', 'eng-23', 'eng-08', 'eng-14']);
    expect(await ids('agency: "treasury"')).toEqual(['eng-11']);
    expect(await ids('status: CANCELLED')).toEqual(['eng-13']);
    expect(await ids('kind: INCIDENT_COORDINATION')).toEqual(['eng-28', 'eng-23', 'eng-08', 'eng-14']);
    expect(await ids('strategicGoal: 3')).toEqual(['eng-11', 'eng-31', 'eng-29', 'eng-02']);
    expect(await ids('country: "NL", agency: "CISA", status: ACTIVE')).toEqual(['eng-28', 'eng-04']);
  });

  it('filters by partner organization and sector', async () => {
    expect(await ids('organization: "ua-cert-ua"')).toEqual(['eng-16', 'eng-15', 'eng-14']);
    expect(await ids('organization: "mb-enisa"')).toEqual(['eng-26']);
    expect(await ids('sector: "FINANCIAL_SERVICES"')).toEqual(['eng-11']);
    expect(await ids('sector: "WATER_AND_WASTEWATER_SYSTEMS", organization: "nl-ncsc"')).toEqual(['eng-27']);
    expect(await ids('sector: "DAMS"')).toEqual([]);
  });

  it('filters by a date window: engagements running on any day of [from, to]', async () => {
    expect(await ids('country: "NL", from: "2026-03-11", to: "2026-03-11"')).toEqual(['eng-03', 'eng-02']);
    // Both bounds are included: eng-02 starts on `to`, and ends on `from`.
    expect(await ids('country: "NL", from: "2026-03-01", to: "2026-03-09"')).toEqual(['eng-02']);
    expect(await ids('country: "NL", from: "2026-03-13", to: "2026-03-31"')).toEqual(['eng-02']);
    // An engagement with no end runs on; a window with no end is open.
    expect(await ids('from: "2030-01-01"')).toEqual(['eng-28', 'eng-08']);
    expect(await ids('to: "2022-12-31"')).toEqual(['eng-17']);
    // An engagement spanning the whole window overlaps it.
    expect(await ids('country: "UA", from: "2026-06-01", to: "2026-06-30"')).toEqual(['eng-15']);
  });

  it('agrees with the overlap rule for every engagement', async () => {
    const { body } = await gql('{ engagements(first: 100) { edges { node { id startsOn endsOn } } } }');
    const rows: Row[] = body.data.engagements.edges.map((e: any) => e.node);
    const windows: [string | null, string | null][] = [
      ['2024-01-01', '2024-12-31'],
      ['2026-11-25', '2026-11-25'],
      ['2025-04-20', null],
      [null, '2024-02-05'],
    ];
    for (const [from, to] of windows) {
      const expected = rows.filter((r) => (!to || r.startsOn <= to) && (!from || !r.endsOn || r.endsOn >= from));
      const args = [from && `from: "${from}"`, to && `to: "${to}"`].filter(Boolean).join(', ');
      expect(await ids(args)).toEqual(expected.map((r) => r.id));
    }
  });

  it('pages with cursors: no overlap, every row once, hasNextPage until the end', async () => {
    const all = await ids();
    const seen: string[] = [];
    let after: string | null = null;
    const flags: boolean[] = [];
    do {
      const { body } = await gql('query($after: String) { engagements(first: 10, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }', { after });
      const page = body.data.engagements;
      expect(page.totalCount).toBe(34);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e: any) => e.node.id));
      flags.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(flags).toEqual([true, true, true, false]);
    expect(seen).toEqual(all);
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument', async () => {
    const big = await gql('{ engagements(first: 101) { totalCount } }');
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const window = await gql('{ engagements(from: "2026-03-10", to: "2026-03-09") { totalCount } }');
    expect(window.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(window.body.errors[0].message).toContain('`to`');
    for (const goal of [0, 4]) {
      const res = await gql(`{ engagements(strategicGoal: ${goal}) { totalCount } }`);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'strategicGoal' });
    }
    const nested = await gql('{ sector(code: "ENERGY") { engagements(first: 500) { totalCount } } }');
    expect(nested.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await gql('{ engagements(after: "bm9wZQ") { totalCount } }');
    expect(forged.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
