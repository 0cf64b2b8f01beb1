// SQL statements a subgraph has sent, from its Prometheus `/metrics` (`db_statements_total`).

/** Reads `db_statements_total` from Prometheus text; undefined when absent. */
export function parseStatementsTotal(text: string): number | undefined {
  const match = /^db_statements_total(?:\{[^}]*\})?\s+([0-9.eE+-]+)\s*$/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The origin's /metrics of a subgraph GraphQL URL (http://host:port/graphql -> http://host:port/metrics). */
export function metricsUrl(graphqlUrl: string): string {
  return new URL('/metrics', graphqlUrl).toString();
}

/** Scrapes each subgraph's statement counter; undefined for one that does not answer. */
export async function scrapeStatements(subgraphUrls: Record<string, string>): Promise<Record<string, number | undefined>> {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const res = await fetch(metricsUrl(url), { signal: AbortSignal.timeout(5_000) });
        return [name, res.ok ? parseStatementsTotal(await res.text()) : undefined] as const;
      } catch {
        return [name, undefined] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
