// The scenarios and their pools of (variables, token) pairs: different countries, partners,
// pages and principals, so that no gateway can win by merging identical requests. Real cursors
// and countries are read from the hub in a setup pass.
import type { Principal } from '@iag/kit/auth';
import { COUNTRY_BRIEF } from '../../test/country-brief.query';
import type { ScenarioName } from './options';
import { partnerPrincipal, tokenFor, usPrincipal } from './tokens';

export interface Variant {
  variables: Record<string, unknown>;
  principal: Principal;
  token: string;
  /** The request body as sent. */
  body: string;
}

export interface Scenario {
  name: ScenarioName;
  description: string;
  query: string;
  variants: Variant[];
}

export type Gql = (query: string, variables: Record<string, unknown>, token?: string) => Promise<{ data?: any; errors?: unknown[] }>;

/** A GraphQL client of the gateway for the setup pass. */
export function gqlClient(url: string): Gql {
  return async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 300)}` }] };
    }
  };
}

export const QUERIES: Record<ScenarioName, string> = {
  'country-brief': COUNTRY_BRIEF,
  dependencies: /* GraphQL */ `
    query Dependencies($country: ID, $orderBy: DependencyOrder!, $after: String) {
      dependencies(first: 100, country: $country, orderBy: $orderBy, after: $after) {
        totalCount
        edges { node { id criticality riskScore asset { name operator { name } } country { name } sector { name } } }
        pageInfo { endCursor hasNextPage }
      }
    }`,
  'partner-feed': /* GraphQL */ `
    query PartnerFeed($after: String, $tlp: Tlp) {
      threatProducts(first: 20, after: $after, tlp: $tlp) {
        totalCount
        edges { node { id trackingId kind title summary tlp status publishedAt revision recommendedActions
          sectors { code name } countries { code name } } }
        pageInfo { endCursor hasNextPage }
      }
    }`,
  deliveries: /* GraphQL */ `
    query Deliveries($after: String, $product: ID, $acknowledged: Boolean) {
      deliveries(first: 50, after: $after, product: $product, acknowledged: $acknowledged) {
        totalCount
        edges { node { id channel tlp deliveredAt acknowledgedAt product { trackingId title tlp } recipient { name country { name } } } }
        pageInfo { endCursor hasNextPage }
      }
    }`,
  impact: /* GraphQL */ `
    query Impact($id: ID!, $depth: Int) {
      impact(assetId: $id, maxDepth: $depth) {
        truncated
        affectedAssets { depth allTight asset { id name country { code } } path { id } }
        functions { dependencyCount highestCriticality function { code name } }
        sectors { dependencyCount sector { code name } }
        countries { assetCount country { code name } }
      }
    }`,
  priorities: /* GraphQL */ `
    query Priorities($country: ID, $sector: ID) {
      prioritizedDependencies(country: $country, sector: $sector, first: 20) {
        edges { node { id riskScore priority riskAssessedAt riskFactors { factor value contribution detail }
          asset { name operator { name } } country { name } sector { name } } }
      }
    }`,
};

const DESCRIPTIONS: Record<ScenarioName, string> = {
  'country-brief': 'the country brief of DESIGN.md (all four subgraphs), by country and US principal',
  dependencies: '100 dependencies with asset, operator, country and sector, by country filter, order and page',
  'partner-feed': "a partner's product feed (20 per page) under TLP rules, by partner token, TLP filter and page",
  deliveries: 'deliveries (50 per page) with product and recipient, by product and acknowledgement, as CISA analysts',
  impact: 'cascading impact of an asset others depend on (recursive SQL), by asset and depth 2-4, as US principals',
  priorities: 'the 20 highest risk scores with their factors, by country and sector, as US principals',
};

const MIN_POOL = 60;

/** `after` values of the first `max` pages of a connection (null: the first page). */
async function pages(gql: Gql, query: string, field: string, variables: Record<string, unknown>, token: string, max = 3): Promise<(string | null)[]> {
  const afters: (string | null)[] = [null];
  let after: string | null = null;
  for (let i = 1; i < max; i++) {
    const answer = await gql(query, { ...variables, after }, token);
    const info = answer.data?.[field]?.pageInfo;
    if (!info?.hasNextPage) break;
    after = info.endCursor;
    afters.push(after);
  }
  return afters;
}

/** Countries that have dependencies, most first (read as a CISA analyst). */
async function countriesWithData(gql: Gql, token: string): Promise<string[]> {
  const counts = new Map<string, number>();
  let after: string | null = null;
  for (let page = 0; page < 5; page++) {
    const answer: any = await gql(
      'query($after: String) { dependencies(first: 100, after: $after) { edges { node { country { code } } } pageInfo { endCursor hasNextPage } } }',
      { after },
      token,
    );
    if (answer.errors) throw new Error(`setup: could not list countries: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    for (const e of answer.data.dependencies.edges) counts.set(e.node.country.code, (counts.get(e.node.country.code) ?? 0) + 1);
    if (!answer.data.dependencies.pageInfo.hasNextPage) break;
    after = answer.data.dependencies.pageInfo.endCursor;
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

/** Repeats bases under new principals (`principalFor(base, n)`) until there are `min` variants. */
async function expand<B>(query: string, bases: B[], variablesOf: (b: B) => Record<string, unknown>, principalFor: (b: B, n: number) => Principal, min = MIN_POOL): Promise<Variant[]> {
  if (!bases.length) throw new Error('setup: no variants found (is the hub seeded?)');
  const variants: Variant[] = [];
  for (let n = 0; variants.length < Math.max(min, bases.length); n++) {
    const base = bases[n % bases.length];
    const principal = principalFor(base, n);
    const variables = variablesOf(base);
    variants.push({ variables, principal, token: await tokenFor(principal), body: JSON.stringify({ query, variables }) });
  }
  return variants;
}

const usPersona = (n: number) => (n % 2 ? 'dhs-coordinator' : 'cisa-analyst') as 'cisa-analyst' | 'dhs-coordinator';

/** Builds one scenario's pool against the gateway at `url`. */
export async function buildScenario(name: ScenarioName, url: string, partners: string[]): Promise<Scenario> {
  const gql = gqlClient(url);
  const query = QUERIES[name];
  const analyst = await tokenFor(usPrincipal('cisa-analyst', 0));
  let variants: Variant[];
  if (name === 'country-brief') {
    const countries = (await countriesWithData(gql, analyst)).slice(0, 40);
    // The brief shows maturity levels: a DHS coordinator needs maturity:read for them (custom principal).
    variants = await expand(query, countries, (code) => ({ code }), (_c, n) => usPrincipal(usPersona(n), n, ['maturity:read']));
  } else if (name === 'dependencies') {
    const countries = (await countriesWithData(gql, analyst)).slice(0, 12);
    const bases: Record<string, unknown>[] = [];
    for (const country of [null, ...countries]) {
      for (const orderBy of ['RISK_DESC', 'CRITICALITY_DESC']) {
        for (const after of await pages(gql, query, 'dependencies', { country, orderBy }, analyst)) bases.push({ country, orderBy, after });
      }
    }
    variants = await expand(query, bases, (b) => b, (_b, n) => usPrincipal(usPersona(n), n));
  } else if (name === 'partner-feed') {
    const bases: { organizationId: string; variables: Record<string, unknown> }[] = [];
    for (const organizationId of partners) {
      const token = await tokenFor(partnerPrincipal(organizationId, 0));
      for (const tlp of [null, 'GREEN', 'AMBER']) {
        for (const after of await pages(gql, query, 'threatProducts', { tlp }, token, tlp ? 1 : 3)) bases.push({ organizationId, variables: { tlp, after } });
      }
    }
    variants = await expand(query, bases, (b) => b.variables, (b, n) => partnerPrincipal(b.organizationId, n));
  } else if (name === 'impact') {
    // Assets that others depend on, most dependents first: the answers that cost the most.
    const listed: any = await gql('{ assets(first: 100) { edges { node { id dependents(first: 1) { totalCount } } } } }', {}, analyst);
    if (listed.errors) throw new Error(`setup: could not list assets: ${JSON.stringify(listed.errors).slice(0, 300)}`);
    const suppliers = listed.data.assets.edges
      .map((e: any) => ({ id: e.node.id, dependents: e.node.dependents.totalCount }))
      .filter((a: { dependents: number }) => a.dependents > 0)
      .sort((a: { dependents: number }, b: { dependents: number }) => b.dependents - a.dependents)
      .slice(0, 20);
    const bases: Record<string, unknown>[] = suppliers.flatMap((a: { id: string }) => [2, 3, 4].map((depth) => ({ id: a.id, depth })));
    variants = await expand(query, bases, (b) => b, (_b, n) => usPrincipal(usPersona(n), n));
  } else if (name === 'priorities') {
    const countries = (await countriesWithData(gql, analyst)).slice(0, 20);
    const bases: Record<string, unknown>[] = [{ country: null, sector: null }];
    for (const country of countries) for (const sector of [null, 'ENERGY', 'COMMUNICATIONS']) bases.push({ country, sector });
    variants = await expand(query, bases, (b) => b, (_b, n) => usPrincipal(usPersona(n), n));
  } else {
    // Deliveries of RED and AMBER+STRICT products answer FORBIDDEN on `product` for most callers:
    // filter by products a CISA analyst may see (lists only contain those), by state and channel.
    const visible: any = await gql('{ threatProducts(first: 100) { edges { node { id } } } }', {}, analyst);
    if (visible.errors) throw new Error(`setup: could not list threat products: ${JSON.stringify(visible.errors).slice(0, 300)}`);
    const bases: Record<string, unknown>[] = [];
    for (const { node } of visible.data.threatProducts.edges.slice(0, 40)) {
      for (const acknowledged of [null, true, false]) bases.push({ product: node.id, acknowledged, after: null });
    }
    variants = await expand(query, bases, (b) => b, (_b, n) => usPrincipal('cisa-analyst', n));
  }
  return { name, description: DESCRIPTIONS[name], query, variants };
}

/** Sends every variant once; throws, naming the first, if any answer has errors. */
export async function checkScenario(scenario: Scenario, url: string): Promise<void> {
  const gql = gqlClient(url);
  for (const v of scenario.variants) {
    const answer = await gql(scenario.query, v.variables, v.token);
    if (answer.errors?.length || !answer.data) {
      throw new Error(
        `scenario ${scenario.name} answers errors for ${JSON.stringify(v.variables)} as ${v.principal.sub}: ${JSON.stringify(answer.errors).slice(0, 600)}`,
      );
    }
  }
}
