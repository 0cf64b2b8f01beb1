import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getNamedType, getNullableType, isCompositeType, isListType, type GraphQLField, type GraphQLSchema, type DocumentNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { OperationLimitError } from './limit-error';

/**
 * The cost model (docs/limits.md has a worked example):
 * - every field selected costs 1, scalar or object: the gateway plans, fetches and serialises each;
 * - a connection field (one that takes `first` or `last`) multiplies the cost of its selection by
 *   the page size asked for, or by the subgraphs' default page size when neither is given;
 * - any other list of objects (`organizations`, `deliveries`, `sectors` ...) has no page size, so
 *   its selection is multiplied by an assumed length, LIST_SIZE;
 * - the lists inside a connection (`edges`) multiply by 1: the connection has already counted them;
 * - introspection lists (`types`, `fields` ...) multiply by 1: they are answered from the gateway's
 *   memory without touching a subgraph, and the depth limit bounds a circular introspection query.
 * So `dependencies(first: 20) { edges { node { id asset { name } } } }` costs
 * 1 + 20 x (1 edges + 1 node + 1 id + 1 asset + 1 name) = 101.
 */
export const COST_MODEL = {
  /** The subgraphs' page size when a connection is asked without `first` (kit DEFAULT_PAGE_SIZE). */
  defaultPageSize: 20,
  /** The length assumed for a list of objects that takes no page size. */
  listSize: 10,
} as const;

function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  if (!field.args.some((a) => a.name === 'first' || a.name === 'last')) return undefined;
  const asked = args.first ?? args.last;
  return typeof asked === 'number' && Number.isFinite(asked) ? Math.max(0, asked) : COST_MODEL.defaultPageSize;
}

/** The estimator implementing the model above, for graphql-query-complexity. */
export const connectionCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const page = pageSize(field, args);
  if (page !== undefined) return 1 + page * childComplexity;
  const inConnectionOrIntrospection = type.name.endsWith('Connection') || type.name.startsWith('__');
  const listOfObjects = isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type));
  return 1 + (listOfObjects && !inConnectionOrIntrospection ? COST_MODEL.listSize : 1) * childComplexity;
};

/** The cost of one operation of a document, with its variables, under the model above. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [connectionCostEstimator] });
}

/**
 * Refuses an operation whose cost exceeds `max`. A plugin, not a validation rule: the cost of
 * `dependencies(first: $n)` depends on `$n`, and only a plugin sees the request's variables. It runs
 * once the operation is resolved, before the query planner or any subgraph fetch.
 */
export function costLimitPlugin<C extends BaseContext>(max: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, operationName ?? undefined);
          } catch (error) {
            // graphql-query-complexity stops walking past its node budget: too big to measure.
            if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) throw new OperationLimitError('cost');
            // Variables that do not coerce: execution refuses them with its own error, and an
            // operation that cannot run cannot cost anything.
            return;
          }
          if (cost > max) throw new OperationLimitError('cost');
        },
      };
    },
  };
}
