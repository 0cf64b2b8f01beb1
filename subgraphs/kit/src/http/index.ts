// The HTTP pieces alone, for the gateway: no type-graphql or database code comes with them.
export * from './graphql-handler';
export * from './listen';
export * from './format-error';
export * from '../errors';
export * from '../env';
export * from '../logger';
export * from './lifecycle';
export * from './metrics';
export * from './trace-context';
