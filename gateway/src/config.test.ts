import { describe, expect, it } from 'vitest';
import { parseGatewayConfig } from './config';
import { checkServiceUrlOverrides } from './supergraph';

describe('gateway configuration', () => {
  it('refuses to start in production without identity settings, naming each', () => {
    expect(() => parseGatewayConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_ISSUER[\s\S]*AUTH_AUDIENCE[\s\S]*AUTH_JWKS_URL or AUTH_PUBLIC_KEY[\s\S]*INTERNAL_JWT_PRIVATE_KEY/,
    );
  });

  it('refuses inconsistent settings: both key sources, symmetric or none algorithms, plain-http JWKS in production', () => {
    const base = { AUTH_ISSUER: 'https://idp', AUTH_AUDIENCE: 'hub' };
    expect(() => parseGatewayConfig({ ...base, AUTH_JWKS_URL: 'https://idp/jwks', AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' })).toThrow(/set only one/);
    expect(() => parseGatewayConfig({ ...base, AUTH_JWKS_URL: 'https://idp/jwks', AUTH_ALGORITHMS: 'HS256,none' })).toThrow(/AUTH_ALGORITHMS: only asymmetric/);
    expect(() =>
      parseGatewayConfig({ ...base, NODE_ENV: 'production', AUTH_JWKS_URL: 'http://idp/jwks', INTERNAL_JWT_PRIVATE_KEY: '{"d":"x"}' }),
    ).toThrow(/must use https in production/);
    expect(() => parseGatewayConfig({ INTERNAL_JWT_PRIVATE_KEY: '{"kty":"OKP","x":"public-only"}' })).toThrow(/must be the private key/);
  });

  it('uses the development issuer when nothing is configured outside production', () => {
    expect(parseGatewayConfig({}).auth).toEqual({ caller: undefined, internalPrivateJwk: undefined });
  });

  it('names a bad port', () => {
    expect(() => parseGatewayConfig({ GATEWAY_PORT: 'eighty' })).toThrow(/GATEWAY_PORT/);
  });

  it('takes <NAME>_URL overrides, and refuses a bad one only for a subgraph the supergraph serves', () => {
    const config = parseGatewayConfig({ CISA_URL: 'http://cisa.internal:8080/graphql', DHS_URL: 'not a url', BASE_URL: '/' });
    expect(config.subgraphUrls).toEqual({ cisa: 'http://cisa.internal:8080/graphql' });
    const services = [{ name: 'cisa', url: 'http://127.0.0.1:4001/graphql' }, { name: 'dhs', url: 'http://127.0.0.1:4002/graphql' }];
    expect(() => checkServiceUrlOverrides(services, config.badSubgraphUrls)).toThrow(/DHS_URL: must be a URL/);
    expect(() => checkServiceUrlOverrides(services.slice(0, 1), config.badSubgraphUrls)).not.toThrow();
  });
});
