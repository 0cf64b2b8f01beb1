import { describe, expect, it } from 'vitest';
import { parseSubgraphConfig } from './config';

describe('subgraph configuration', () => {
  it('defaults to loopback and an embedded database', () => {
    const config = parseSubgraphConfig('cisa', 4001, {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4001, dataDir: '.data/cisa', databaseUrl: undefined, seedDemo: true });
  });

  it('names every bad variable at once', () => {
    expect(() => parseSubgraphConfig('cisa', 4001, { CISA_PORT: '99999', CISA_DATABASE_URL: 'not a url', SEED_DEMO: 'maybe' })).toThrow(
      /CISA_PORT[\s\S]*CISA_DATABASE_URL[\s\S]*SEED_DEMO/,
    );
  });

  it('needs the gateway public key in production, and refuses a private one', () => {
    expect(() => parseSubgraphConfig('dhs', 4002, { NODE_ENV: 'production' })).toThrow(/INTERNAL_JWT_PUBLIC_KEY: required in production/);
    expect(() => parseSubgraphConfig('dhs', 4002, { INTERNAL_JWT_PUBLIC_KEY: '{"kty":"OKP","d":"secret"}' })).toThrow(/private key/);
  });
});
