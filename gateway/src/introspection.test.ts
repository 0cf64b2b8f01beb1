import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsIntrospection } from './introspection';

const check = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return selectsIntrospection(document, operation);
};

describe('selectsIntrospection', () => {
  it('finds __schema and __type at the root and nested', () => {
    expect(check('{ __schema { types { name } } }')).toBe(true);
    expect(check('{ __type(name: "Country") { name } }')).toBe(true);
    expect(check('{ country(code: "NL") { name } a: __type(name: "Query") { name } }')).toBe(true);
  });

  it('finds them inside inline and named fragments, however deep', () => {
    expect(check('{ ... on Query { __schema { queryType { name } } } }')).toBe(true);
    expect(check('query { ...A } fragment A on Query { ...B } fragment B on Query { __schema { types { name } } }')).toBe(true);
  });

  it('allows __typename and ordinary fields, and does not loop on a fragment cycle', () => {
    expect(check('{ __typename country(code: "NL") { __typename name } }')).toBe(false);
    expect(check('query { ...A } fragment A on Query { ...B __typename } fragment B on Query { ...A }')).toBe(false);
  });
});
