export * from './idempotency.table';
export * from './validate';
export * from './run';
export * from './expand-errors';
