import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Turns one InputErrors (formatted with `extensions.problems`) into one BAD_USER_INPUT error per
 * bad field, as clients expect: a resolver can throw only one error, a response can hold many.
 */
export const expandFieldErrors: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.flatMap((error): GraphQLFormattedError[] => {
          const problems = error.extensions?.problems as { field: string; message: string }[] | undefined;
          if (!problems?.length) return [error];
          return problems.map((p) => ({
            message: `${p.field}: ${p.message}`,
            path: error.path,
            locations: error.locations,
            extensions: { code: 'BAD_USER_INPUT', field: p.field },
          }));
        });
      },
    };
  },
};
