// What the generators know of a target and what they make of it: a raw HTTP request with the
// statuses it may be answered with. Shared by every kind of malformed request.
import type { RawRequest } from './raw-http';

/** What the generators need to know of a target. */
export interface TargetSpec {
  name: string;
  kind: 'gateway' | 'subgraph';
  /** The subgraphs it serves: all four for the gateway, itself for a subgraph. */
  serves: string[];
  /** The bearer token of a request as `persona` (undefined: no authorization header). */
  token(persona: string): string | undefined;
  /** A persona to use for requests that are not mutations. */
  defaultPersona: string;
  /** Authorization values that must be refused with 401 (a subgraph's "no token" among them). */
  badAuthorizations: (string | undefined)[];
}

export interface FuzzCase {
  kind: string;
  request: RawRequest;
  /** Statuses this case may be answered with; no 5xx ever. */
  allowed: number[];
  /** A GraphQL request in a readable body: a 200 carrying `errors` is a fair answer. */
  graphql: boolean;
  /** A mutation: its answer must carry no data. */
  mutation: boolean;
}

/** The content type of a GraphQL POST. */
export const json = 'application/json';

/** A body any GraphQL server answers: the base the HTTP-level defects break. */
export const VALID_BODY = '{"query":"{ __typename }"}';
