import { composeServices, type CompositionSuccess } from '@apollo/composition';
import { GraphQLError, Kind, parse, Source, type ASTNode, type DocumentNode } from 'graphql';
import type { RegisteredSubgraph } from '../subgraphs';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Apollo's composed supergraph schema; `toAPISchema()` gives what clients see. */
export type ComposedSchema = CompositionSuccess['schema'];

export type CompositionResult =
  | { ok: true; supergraphSdl: string; schema: ComposedSchema }
  | { ok: false; errors: string[] };

/**
 * Composes subgraph SDLs into a Federation 2 supergraph in process (no network, no rover).
 * Returns errors as data, each naming the subgraphs and the schema coordinates involved.
 */
export function composeSupergraph(subgraphs: SubgraphSdl[]): CompositionResult {
  const documents = new Map<string, DocumentNode>();
  const syntaxErrors: string[] = [];
  for (const s of subgraphs) {
    // The Source name travels with every AST node into composition's errors: it is how an error
    // about a node says which subgraph the node came from.
    try {
      documents.set(s.name, parse(new Source(s.sdl, s.name)));
    } catch (error) {
      const at = error instanceof GraphQLError ? error.locations?.[0] : undefined;
      const where = at ? ` (at ${s.name}:${at.line}:${at.column})` : '';
      syntaxErrors.push(`[INVALID_GRAPHQL] subgraph "${s.name}": ${(error as Error).message}${where}`);
    }
  }
  if (syntaxErrors.length) return { ok: false, errors: syntaxErrors };

  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: documents.get(s.name)! })),
  );
  if (result.errors?.length) {
    return { ok: false, errors: result.errors.map((error) => describeCompositionError(error, documents)) };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl!, schema: result.schema! };
}

/**
 * Builds every registered subgraph's SDL from its code and composes them: what `pnpm compose`
 * writes and what `pnpm schema:check` compares, so both always see the same supergraph.
 */
export async function buildAndCompose(
  registered: RegisteredSubgraph[],
  onBuilt: (name: string, sdl: string) => void = () => {},
): Promise<{ sdls: SubgraphSdl[]; result: CompositionResult }> {
  const sdls: SubgraphSdl[] = [];
  for (const subgraph of registered) {
    const { sdl } = await (await subgraph.load()).buildSchema();
    sdls.push({ name: subgraph.name, url: defaultSubgraphUrl(subgraph.port), sdl });
    onBuilt(subgraph.name, sdl);
  }
  return { sdls, result: composeSupergraph(sdls) };
}

/** The local URL a subgraph listens on by default; the gateway overrides it with `<NAME>_URL`. */
export function defaultSubgraphUrl(port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}

/**
 * `[CODE] message (in a: Widget.size; in b: Widget.size)`. The places come from the error's AST
 * nodes; when composition attaches none, the subgraph names quoted in the message are listed.
 */
function describeCompositionError(error: GraphQLError, documents: Map<string, DocumentNode>): string {
  const code = (error.extensions?.code as string | undefined) ?? 'COMPOSITION_ERROR';
  const places = new Set<string>();
  for (const node of error.nodes ?? []) {
    const subgraph = node.loc?.source.name;
    const document = subgraph === undefined ? undefined : documents.get(subgraph);
    if (!document || !node.loc) continue;
    const coordinate = coordinateAt(document, node.loc.start);
    places.add(coordinate ? `in ${subgraph}: ${coordinate}` : `in ${subgraph}`);
  }
  if (!places.size) {
    const named = [...error.message.matchAll(/subgraphs? ((?:"[^"]+"(?:, | and )?)+)/g)]
      .flatMap((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((n) => n[1]))
      .filter((name) => documents.has(name));
    if (named.length) places.add(`subgraphs: ${[...new Set(named)].join(', ')}`);
  }
  return places.size ? `[${code}] ${error.message} (${[...places].join('; ')})` : `[${code}] ${error.message}`;
}

/** The schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `@directive`) enclosing an offset. */
function coordinateAt(document: DocumentNode, offset: number): string | undefined {
  const inside = (node: ASTNode) => node.loc !== undefined && node.loc.start <= offset && offset < node.loc.end;
  const definition = document.definitions.find(inside);
  if (!definition) return undefined;
  if (definition.kind === Kind.DIRECTIVE_DEFINITION) return `@${definition.name.value}`;
  if (!('name' in definition) || !definition.name) return undefined;
  const type = definition.name.value;
  const members = [
    ...('fields' in definition ? (definition.fields ?? []) : []),
    ...('values' in definition ? (definition.values ?? []) : []),
  ];
  const member = members.find(inside);
  if (!member) return type;
  const argument = 'arguments' in member ? member.arguments?.find(inside) : undefined;
  return argument ? `${type}.${member.name.value}(${argument.name.value}:)` : `${type}.${member.name.value}`;
}
