import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import type { Logger } from '@iag/kit/http';

/**
 * Why a subgraph gave no answer: it did not answer within the gateway's timeout, could not be
 * reached (refused, reset, closed mid-answer), or answered something other than a GraphQL JSON
 * body (a non-2xx status, HTML from a proxy, invalid JSON).
 */
export type SubgraphFailure = 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE';

/**
 * A subgraph fetch that failed before any GraphQL answer came back. Thrown from the data source's
 * `didEncounterError`, so only failures of the fetch itself are masked as unavailability; a bug in
 * the gateway (signing, planning) stays an internal error. `cause` is the original, for the log.
 */
export class SubgraphFetchError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
    /** The HTTP status, when the subgraph answered one. */
    readonly status?: number,
  ) {
    super(`fetch from subgraph ${service} failed`, { cause });
    this.name = 'SubgraphFetchError';
  }

  get failure(): SubgraphFailure {
    for (let e: any = this.cause, depth = 0; e && depth < 5; e = e.cause, depth++) {
      if (e.name === 'TimeoutError' || e.name === 'AbortError' || /TIMEOUT/.test(String(e.code ?? ''))) return 'TIMEOUT';
    }
    return this.status === undefined ? 'UNREACHABLE' : 'BAD_RESPONSE';
  }
}

/** What a client is told: the service by name, never its URL, errno or status. */
export function unavailableMessage(service: string, failure: SubgraphFailure): string {
  return failure === 'TIMEOUT' ? `The ${service} service did not answer in time` : `The ${service} service is unavailable`;
}

/**
 * Wraps a subgraph's data source so that a failed fetch becomes GraphQL errors in the answer
 * instead of an exception: one SERVICE_UNAVAILABLE error per field that subgraph would have filled,
 * each with a path the gateway maps into the client's response (for entities: the first one's),
 * so the client sees which fields are missing and why, and the other subgraphs' data is kept.
 * The original error is logged at warn with the request id.
 */
export function withUnavailableErrors<C extends Record<string, any>>(
  source: GraphQLDataSource<C>,
  service: string,
  logger?: Logger,
): GraphQLDataSource<C> {
  return {
    async process(options: GraphQLDataSourceProcessOptions<C>) {
      try {
        return await source.process(options);
      } catch (error) {
        // Health checks and schema loading (no client request) keep their errors.
        if (!(error instanceof SubgraphFetchError) || !('incomingRequestContext' in options)) {
          throw error;
        }
        const failure = error.failure;
        logger?.warn(
          { err: error.cause, service, failure, status: error.status, requestId: (options.context as { requestId?: string }).requestId },
          'subgraph unavailable',
        );
        const extensions = { code: 'SERVICE_UNAVAILABLE', service, reason: failure };
        const message = unavailableMessage(service, failure);
        // The plan's parsed operation when the gateway kept it; otherwise its text, parsed again.
        const document = options.document ?? (options.request.query ? parse(options.request.query) : undefined);
        const paths = fieldPaths(document, options.request.variables);
        return { errors: paths.length ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }] };
      }
    },
  };
}

/**
 * The fields a fetch asks for, as error paths relative to it: `[field]` for a root fetch,
 * `['_entities', 0, field]` for an entity fetch (the gateway turns that into the first entity's path).
 */
function fieldPaths(document: DocumentNode | undefined, variables: Record<string, any> | undefined): GraphQLFormattedError['path'][] {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!document || !operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  const names = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === '__typename' ? [] : [s.alias?.value ?? s.name.value];
      const inner = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : fragments.get(s.name.value);
      return inner ? names(inner) : [];
    });
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (entities?.kind === Kind.FIELD && entities.selectionSet) {
    if (!Array.isArray(variables?.representations) || !variables.representations.length) return [];
    return [...new Set(names(entities.selectionSet))].map((field) => ['_entities', 0, field]);
  }
  return [...new Set(names(operation.selectionSet))].map((field) => [field]);
}
