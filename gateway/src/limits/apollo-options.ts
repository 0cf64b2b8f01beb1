import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { armorRules } from './armor';
import { costLimitPlugin } from './cost';
import { fieldDuplicationRule } from './field-duplication';
import { introspectionDepthRule } from './introspection-depth';
import { refusalOnlyPlugin } from './refusal-only';
import { rootFieldsRule } from './root-fields';

/** What one operation may ask of the gateway; docs/limits.md explains each and its default. */
export interface OperationLimits {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  tokens: number;
  cost: number;
}

/**
 * The Apollo Server options that enforce the limits, to spread into its constructor. Everything
 * here refuses before the query planner runs or any subgraph is called.
 */
export function limitOptions<C extends BaseContext>(limits: OperationLimits, production: boolean) {
  return {
    // graphql-js stops lexing past this many tokens: a huge document is refused before an AST of
    // it exists, which is the point of a token limit (the rules below all walk the AST).
    parseOptions: { maxTokens: limits.tokens },
    // Not Apollo's `maxRecursiveSelections`: with it, Apollo runs these rules only on documents that
    // pass every spec rule, so `__typename @aa @aa ...` would be answered with one error per
    // unknown directive instead of being refused. Each rule here walks a fragment once, and
    // graphql-query-complexity stops at its node budget (a refusal too), so a "fragment bomb"
    // (each fragment spreading the next twice) cannot make them work exponentially.
    validationRules: [...armorRules(limits), introspectionDepthRule(), rootFieldsRule(limits.rootFields), fieldDuplicationRule()],
    plugins: [costLimitPlugin<C>(limits.cost), refusalOnlyPlugin<C>()],
    // Apollo's defaults, written out because they are part of the gateway's defence: one operation
    // per HTTP request (an array body is refused), and the CSRF check that refuses a request a
    // browser could send cross-site without a preflight (a GET, or a POST as a form or text/plain,
    // without a `content-type: application/json` or an `apollo-require-preflight` header).
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // No "Did you mean" in validation errors outside development (see ./suggestions.ts too).
    hideSchemaDetailsFromClientErrors: production,
  } satisfies Partial<ApolloServerOptions<C>>;
}
