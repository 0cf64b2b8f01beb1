import { GraphQLError } from 'graphql';

/** One bad input field: its path (e.g. `input.name`) and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Thrown when input is bad. It carries every problem found, and the subgraph turns it into one
 * BAD_USER_INPUT error per field (see `expandFieldErrors`), so a client fixes all in one go.
 */
export class InputErrors extends GraphQLError {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, problems },
    });
  }
}

const COUNTRY = /^[A-Z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Collects problems with a mutation's input; `done()` throws them all at once. */
export class Validator {
  private readonly problems: FieldProblem[] = [];

  add(field: string, message: string): this {
    this.problems.push({ field, message });
    return this;
  }

  /** A required or optional string, trimmed, between `min` and `max` characters. */
  text(field: string, value: string | null | undefined, { min = 1, max = 500, required = true } = {}): this {
    if (value === undefined || value === null) return required ? this.add(field, 'is required') : this;
    const length = value.trim().length;
    if (length < min) return this.add(field, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
    if (value.length > max) return this.add(field, `must have at most ${max} characters`);
    if (value.includes('\u0000')) return this.add(field, 'must not contain NUL characters');
    return this;
  }

  int(field: string, value: number | null | undefined, min: number, max: number): this {
    if (value === undefined || value === null) return this;
    if (!Number.isInteger(value) || value < min || value > max) this.add(field, `must be a whole number from ${min} to ${max}`);
    return this;
  }

  countryCode(field: string, value: string | null | undefined, known?: (code: string) => boolean): this {
    if (value === undefined || value === null) return this;
    if (!COUNTRY.test(value) || (known && !known(value))) this.add(field, 'must be an ISO 3166-1 alpha-2 country code');
    return this;
  }

  /** `end` must not come before `start` (both `YYYY-MM-DD`, as the LocalDate scalar gives them). */
  dateOrder(field: string, start: string | null | undefined, end: string | null | undefined): this {
    if (start && end && DATE.test(start) && DATE.test(end) && end < start) this.add(field, 'must not be before the start');
    return this;
  }

  /** Every listed id must be known; `known` is the set found in the database. */
  knownIds(field: string, ids: readonly string[] | null | undefined, known: ReadonlySet<string>): this {
    const unknown = (ids ?? []).filter((id) => !known.has(id));
    if (unknown.length) this.add(field, `unknown id(s): ${unknown.join(', ')}`);
    return this;
  }

  done(): void {
    if (this.problems.length) throw new InputErrors([...this.problems]);
  }
}
