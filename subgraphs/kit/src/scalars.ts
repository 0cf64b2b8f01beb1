import { LocalDateResolver } from 'graphql-scalars';

/**
 * A calendar date, `YYYY-MM-DD`, stored as PostgreSQL `date` in string mode. LocalDate keeps the
 * string as it is; the `Date` scalar would turn it into a JS Date at midnight UTC, which postgres.js
 * then cannot bind to a `date` parameter.
 */
export const DateScalar = LocalDateResolver;
