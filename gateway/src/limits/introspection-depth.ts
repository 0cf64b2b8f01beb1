import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { OperationLimitError } from './limit-error';

// The introspection fields that return lists: each level of them multiplies the answer by the
// number of types, fields or arguments in the schema.
const LIST_FIELDS = new Set(['types', 'fields', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'args', 'directives']);
const ROOTS = new Set(['__schema', '__type']);

/**
 * The standard introspection query (GraphiQL's, graphql-js's `getIntrospectionQuery`) nests these
 * lists three deep at most (`types { fields { args } }`); the circular introspection attack nests
 * them without end (`types { fields { type { fields { type { fields ...`), each level multiplying
 * the answer. This refuses more than MAX_NESTED under `__schema` or `__type`, through fragments.
 * Not configurable: it follows from the introspection format, not from our schema.
 */
export const MAX_NESTED_INTROSPECTION_LISTS = 3;

export function introspectionDepthRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    // Each fragment's nesting is computed once per document (null while on the path: a cycle,
    // which NoFragmentCyclesRule refuses anyway, counts as nothing here).
    const memo = new Map<string, number | null>();
    return {
      Field(field) {
        if (!ROOTS.has(field.name.value) || !field.selectionSet) return undefined;
        if (nesting(context, field.selectionSet, memo) > MAX_NESTED_INTROSPECTION_LISTS) {
          context.reportError(new OperationLimitError('introspection depth'));
        }
        return false; // measured once from the root; nothing below is another root
      },
    };
  };
}

/** The deepest nesting of list fields in a selection, through fragments. */
function nesting(context: ValidationContext, selectionSet: SelectionSetNode, memo: Map<string, number | null>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let below = 0;
    if (selection.kind === Kind.FIELD) {
      const inner = selection.selectionSet ? nesting(context, selection.selectionSet, memo) : 0;
      below = (LIST_FIELDS.has(selection.name.value) ? 1 : 0) + inner;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      below = nesting(context, selection.selectionSet, memo);
    } else {
      const name = selection.name.value;
      if (!memo.has(name)) {
        memo.set(name, null);
        const fragment = context.getFragment(name);
        memo.set(name, fragment ? nesting(context, fragment.selectionSet, memo) : 0);
      }
      below = memo.get(name) ?? 0;
    }
    deepest = Math.max(deepest, below);
  }
  return deepest;
}
