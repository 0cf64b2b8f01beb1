import { describe, expect, it } from 'vitest';
import { databaseUnavailableError, isDatabaseUnavailable } from './unavailable';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
// drizzle wraps the driver's error: "Failed query: select ... params: ...", the original in `cause`.
const drizzle = (cause: unknown) => new Error('Failed query: select "id" from "maturity" params: 1', { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused', coded('ECONNREFUSED')],
    ['reset', coded('ECONNRESET')],
    ['postgres.js closed', coded('CONNECTION_CLOSED')],
    ['postgres.js connect timeout', coded('CONNECT_TIMEOUT')],
    ['admin shutdown (57P01)', coded('57P01')],
    ['connection failure (08006)', coded('08006')],
    ['too many connections (53300)', coded('53300')],
    ['dual-stack connect', new AggregateError([coded('ECONNREFUSED')])],
  ])('says yes to %s, also wrapped by drizzle', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(drizzle(error))).toBe(true);
  });

  it.each([
    ['a unique violation', coded('23505')],
    ['a syntax error', coded('42601')],
    ['an error without a code', new Error('boom')],
  ])('says no to %s', (_name, error) => {
    expect(isDatabaseUnavailable(drizzle(error))).toBe(false);
  });
});

describe('databaseUnavailableError', () => {
  it('names the service, keeps the path, and says nothing of the database', () => {
    expect(databaseUnavailableError('partners', { message: 'connect ECONNREFUSED 10.0.0.5:5432', path: ['maturityAssessments'] })).toEqual({
      message: 'The partners service is temporarily unavailable; try again shortly',
      path: ['maturityAssessments'],
      locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'partners', reason: 'DATABASE' },
    });
  });
});
