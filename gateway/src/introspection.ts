import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from './gateway';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Whether the operation selects `__schema` or `__type` anywhere: nested, in inline fragments, or
 * in named fragments however deep (each fragment visited once, so a cycle cannot loop; validation
 * has already refused cycles, but this check must not depend on that). `__typename` is not
 * introspection of the schema and stays allowed.
 */
export function selectsIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return INTROSPECTION_FIELDS.has(selection.name.value) || (selection.selectionSet !== undefined && walk(selection.selectionSet));
        case Kind.INLINE_FRAGMENT:
          return walk(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visited.has(name)) return false;
          visited.add(name);
          const fragment = fragments.get(name);
          return fragment !== undefined && walk(fragment.selectionSet);
        }
      }
    });
  return walk(operation.selectionSet);
}

/**
 * Production: the schema is described only to authenticated callers. Apollo's own switch is all or
 * nothing, so introspection stays on in Apollo and this plugin refuses it to anonymous callers,
 * after parsing and validation and before anything is planned or sent to a subgraph. The answer is
 * a 401 like any other request that needs a token, and says nothing about the schema.
 */
export function introspectionForAuthenticatedCallers(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (contextValue.principal.kind !== 'ANONYMOUS') return;
          // `operation` is always set here: Apollo answers an unresolvable operation before this hook.
          if (!operation || !selectsIntrospection(document, operation)) return;
          throw new GraphQLError('Introspection needs an authenticated caller: send a bearer token.', {
            extensions: {
              code: 'UNAUTHENTICATED',
              http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
            },
          });
        },
      };
    },
  };
}
