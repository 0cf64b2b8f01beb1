// Identity pieces shared by the gateway and the subgraphs.
export * from './claims';
export * from './keys';
export * from './internal-token';
export * from './verified-tokens';
export * from '../principal';
export * from '../errors';
export * from '../paths';
