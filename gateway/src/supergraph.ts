import { ConfigError } from '@iag/kit/http';

/** One subgraph as the supergraph names it. */
export interface SupergraphService {
  /** The `@join__graph` name, e.g. "cisa". */
  name: string;
  url: string;
}

const JOIN_GRAPH = /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g;

/** Lists the subgraphs a composed supergraph routes to, with the URLs composition recorded. */
export function servicesOf(supergraphSdl: string): SupergraphService[] {
  return [...supergraphSdl.matchAll(JOIN_GRAPH)].map(([, name, url]) => ({ name, url }));
}

/** Applies `<NAME>_URL` overrides, so a deployment points the gateway at its own hosts. */
export function resolveServiceUrls(
  services: SupergraphService[],
  overrides: Record<string, string>,
): SupergraphService[] {
  return services.map((service) => ({ ...service, url: overrides[service.name] ?? service.url }));
}

/** Refuses a `<NAME>_URL` that is not a URL when the supergraph routes to subgraph `name`. */
export function checkServiceUrlOverrides(services: SupergraphService[], bad: Record<string, string>): void {
  const problems = services.filter((s) => bad[s.name]).map((s) => `  ${bad[s.name]}`);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
