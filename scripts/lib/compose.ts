import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/**
 * Composes subgraph SDLs into a Federation 2 supergraph in process (no network, no rover).
 * Returns errors as data, each naming the subgraphs and types involved where composition says so.
 */
export function composeSupergraph(subgraphs: SubgraphSdl[]): CompositionResult {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors?.length) {
    return {
      ok: false,
      errors: result.errors.map((error) => {
        const code = (error.extensions?.code as string | undefined) ?? 'COMPOSITION_ERROR';
        return `[${code}] ${error.message}`;
      }),
    };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl! };
}

/** The local URL a subgraph listens on by default; the gateway overrides it with `<NAME>_URL`. */
export function defaultSubgraphUrl(port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}
