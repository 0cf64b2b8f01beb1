import { Kind, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { OperationLimitError } from './limit-error';

/**
 * How often one response name may be written in one selection set. GraphQL merges the copies, so
 * they add nothing to the answer, only work to validation (overlapping-fields checks compare them
 * pairwise) and to the cost walk: `{ __typename __typename ... }` five hundred times is
 * graphql-cop's field duplication probe. A client writes a field twice at most (once itself, once
 * added by a tool such as Apollo Client's `__typename`); the limit leaves room for that and no more.
 * Not configurable: no query needs more.
 */
export const MAX_FIELD_COPIES = 5;

export function fieldDuplicationRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    SelectionSet(selectionSet) {
      const copies = new Map<string, number>();
      for (const selection of selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const name = (selection.alias ?? selection.name).value;
        const count = (copies.get(name) ?? 0) + 1;
        copies.set(name, count);
        if (count > MAX_FIELD_COPIES) {
          context.reportError(new OperationLimitError('field duplication'));
          return false;
        }
      }
      return undefined;
    },
  });
}
