import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { LIMIT_CODE } from './limit-error';

/**
 * When a limit refuses an operation, the answer carries the refusal alone. The spec's own rules
 * run in the same validation pass and would add one error per offence: one per unknown directive
 * of `__typename @aa @aa ...`, one per duplicate. For an overloaded document that list is the
 * amplification the limit exists to stop, and it says how far the document got.
 */
export function refusalOnlyPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const refusals = result.errors?.filter((e) => e.extensions?.code === LIMIT_CODE) ?? [];
          if (refusals.length > 0) result.errors = refusals.slice(0, 1);
        },
      };
    },
  };
}
