import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { translateDatabaseError } from './run';

// drizzle wraps the driver's error (which carries PostgreSQL's SQLSTATE) as `cause`.
const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('from postgres'), { code }) });

describe('translateDatabaseError', () => {
  it('tells a client to send again after a serialization failure or a deadlock', () => {
    for (const code of ['40001', '40P01']) {
      const error = translateDatabaseError(wrapped(code)) as GraphQLError;
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error.extensions).toEqual({ code: 'CONFLICT', retryable: true });
      expect(error.message).toMatch(/send it again/);
    }
  });

  it('codes the constraint refusals, and leaves anything else to be masked', () => {
    expect((translateDatabaseError(wrapped('23505')) as GraphQLError).extensions).toEqual({ code: 'CONFLICT' });
    expect((translateDatabaseError(wrapped('23503')) as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((translateDatabaseError(wrapped('23514')) as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    const other = wrapped('53300');
    expect(translateDatabaseError(other)).toBe(other);
  });
});
