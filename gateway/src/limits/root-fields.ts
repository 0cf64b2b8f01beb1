import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { OperationLimitError } from './limit-error';

/**
 * Counts the top-level fields of each operation, through inline fragments and named fragments
 * (however nested), so that spreading `...A ...B` on Query cannot hide fifty root fields. Each root
 * field is its own subgraph fetch in the query plan: this bounds the fan-out of one request.
 * Aliases count, since `a: country(code: "NL") b: country(code: "DE")` are two fetches; the same
 * response name selected twice is merged by GraphQL and counts once. `__typename` is free.
 */
export function rootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const names = new Set<string>();
      collect(context, operation.selectionSet, names, new Set());
      if (names.size > max) context.reportError(new OperationLimitError('root fields'));
      return false; // nothing below the operation needs this rule's visitor
    },
  });
}

function collect(context: ValidationContext, selectionSet: SelectionSetNode, names: Set<string>, seen: Set<string>) {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') names.add((selection.alias ?? selection.name).value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(context, selection.selectionSet, names, seen);
    } else {
      // Each fragment visited once: a cycle is refused by another rule, but this one must not loop.
      if (seen.has(selection.name.value)) continue;
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) collect(context, fragment.selectionSet, names, seen);
    }
  }
}
