export * from './table';
export * from './recorder';
export * from './audit.type';
export * from './audit.resolver';
