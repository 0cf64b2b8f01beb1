import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import type { ValidationRule } from 'graphql';
import { OperationLimitError, type LimitKind } from './limit-error';

export interface ArmorLimits {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Reports our own coded error instead of armor's: armor's messages name the limit and the count
 * found ("Aliases limit of 15 exceeded, found 16"), and its Apollo adapter codes them
 * BAD_USER_INPUT. `propagateOnRejection: false` stops armor throwing its own error as well.
 */
const rejectAs = (kind: LimitKind) => ({
  exposeLimits: false,
  propagateOnRejection: false,
  onReject: [((context, _armorError) => context?.reportError(new OperationLimitError(kind))) as GraphQLArmorRejectCallback],
});

/**
 * graphql-armor's depth, alias and directive rules, as validation rules: they run on every
 * operation before anything is planned or sent to a subgraph.
 *
 * Left out of armor, on purpose:
 * - cost: ./cost.ts, whose model knows our connections (`first` multiplies what is under it);
 * - tokens: armor's Apollo plugin throws from `parsingDidStart`, which Apollo treats as an
 *   unexpected error (a 500, logged as a crash); graphql-js's own parser limit (`maxTokens`, see
 *   ./apollo-options.ts) refuses the same documents as a parse error, before any AST is built;
 * - field suggestions: ./suggestions.ts, since armor's Apollo regex leaves a dangling "?" and
 *   misses "Did you mean the enum value ...".
 */
export function armorRules(limits: ArmorLimits): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.depth,
      // Fragments are a way of writing a selection, not a level of the response: counted flat, a
      // query written with fragments measures exactly as deep as the same query written inline.
      flattenFragments: true,
      // A `__schema` selection is measured by ./introspection-depth.ts instead: the standard
      // introspection query that the explorer sends is 15 levels deep (its `ofType` chain), twice
      // what any real query of the graph needs, and counting it here would force a loose limit.
      ignoreIntrospection: true,
      ...rejectAs('depth'),
    },
    // armor exempts aliases of `__typename` by default: `a1: __typename a2: __typename ...` is
    // exactly graphql-cop's alias overloading probe, so every alias counts here.
    maxAliases: { n: limits.aliases, allowList: [], ...rejectAs('aliases') },
    maxDirectives: { n: limits.directives, ...rejectAs('directives') },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}
